namespace Silo.Runtime.Tests.Grains;

/// <summary>A grain with two persistent states kept in two different stores.</summary>
public interface ITwoStateGrain : IGrainWithStringKey
{
    Task Save(string name, int count);

    Task<(string Profile, int Visits)> Load();

    Task<(string? ProfileEtag, string? VisitsEtag)> Etags();
}
