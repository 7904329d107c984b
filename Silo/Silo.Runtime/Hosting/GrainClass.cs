namespace Silo.Hosting;

/// <summary>A grain class registered with the silo (one service per class, so any part of the app can add one).</summary>
public sealed record GrainClass(Type Type);
