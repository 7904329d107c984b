namespace Silo.Catalog;

/// <summary>Something that lives only as long as its activation (a timer, a stream subscription made by the grain).</summary>
internal interface IActivationBound
{
    void OnActivationEnded();
}
