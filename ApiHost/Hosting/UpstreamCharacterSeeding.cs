using LlmMultiChat.Grains.Characters;
using Silo;

namespace LlmMultiChat.ApiHost.Hosting;

/// <summary>
/// Seeds Lumina, Clarisse and Nox on first run (those missing are created; edited ones are left alone). Registered
/// after the silo, so it starts once the silo takes calls.
/// </summary>
internal sealed partial class UpstreamCharacterSeeding(IGrainFactory grains, ILogger<UpstreamCharacterSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var created = await UpstreamCharacters.SeedAsync(grains);
            if (created > 0)
            {
                LogSeeded(created);
            }
        }
        catch (Exception ex) when (ex is GrainStorageException or GrainActivationException)
        {
            // Storage that cannot be written (read-only, locked) must not stop the node: /health/ready reports it.
            LogSeedingFailed(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not seed the upstream characters; they will be seeded on the next start")]
    private partial void LogSeedingFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} upstream characters")]
    private partial void LogSeeded(int count);
}
