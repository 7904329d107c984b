using Microsoft.Extensions.DependencyInjection;
using Silo.Testing;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>A host on its own SQLite file, optionally on a manual clock, with everything disposed together.</summary>
internal sealed class ApiHosts : IAsyncDisposable
{
    private readonly TempDatabase _database = new();

    private ApiHosts(ManualTimeProvider? time, params (string Key, string? Value)[] settings)
    {
        Time = time;
        Factory = new ApiHostFactory(_database.Settings(settings), services =>
        {
            if (time is not null)
            {
                services.AddSingleton<TimeProvider>(time);
            }
        });
    }

    public ApiHostFactory Factory { get; }

    /// <summary>The host's clock when the test asked for a manual one.</summary>
    public ManualTimeProvider? Time { get; }

    public static ApiHosts Start(params (string Key, string? Value)[] settings) => new(null, settings);

    public static ApiHosts StartOnManualClock(params (string Key, string? Value)[] settings) => new(new ManualTimeProvider(), settings);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _database.Dispose();
    }
}
