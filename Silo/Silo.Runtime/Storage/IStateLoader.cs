namespace Silo.Storage;

/// <summary>A persistent state as the activation sees it: read once before OnActivateAsync.</summary>
internal interface IStateLoader
{
    string StateName { get; }

    Task ReadStateAsync(CancellationToken cancellationToken);
}
