namespace Silo.Runtime.Tests.Grains;

/// <summary>Keeps a draft in memory and saves it only when deactivated.</summary>
public interface IDraftGrain : IGrainWithStringKey
{
    Task SetDraft(string text);

    Task<string> SavedDraft();
}
