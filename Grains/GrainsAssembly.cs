namespace LlmMultiChat.Grains;

/// <summary>Marks the grains assembly, so hosts can register every grain class in it (<c>AddGrains(typeof(GrainsAssembly).Assembly)</c>).</summary>
public static class GrainsAssembly;
