using Microsoft.Extensions.DependencyInjection;
using Silo.Hosting;
using Silo.Runtime.Tests.Grains;
using Silo.Testing;

namespace Silo.Runtime.Tests.Support;

/// <summary>A test silo with every test grain, the event log and the gates.</summary>
public static class Silos
{
    public static Task<TestSilo> StartAsync(Action<SiloOptions>? options = null, Action<SiloBuilder>? silo = null, Action<IServiceCollection>? services = null) =>
        TestSilo.StartAsync(
            b =>
            {
                b.AddGrains(typeof(ProbeGrain).Assembly);
                b.AddMemoryGrainStorage("Second");
                if (options is not null)
                {
                    b.Configure(options);
                }

                silo?.Invoke(b);
            },
            s =>
            {
                s.AddSingleton<GrainEvents>();
                s.AddSingleton<Gates>();
                s.AddSingleton<ActivationFaults>();
                services?.Invoke(s);
            });

    public static GrainEvents Events(this TestSilo silo) => silo.Services.GetRequiredService<GrainEvents>();

    public static Gates Gates(this TestSilo silo) => silo.Services.GetRequiredService<Gates>();
}
