using System.Diagnostics;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>What the machine running the tests offers: the repository's files and programs on PATH.</summary>
internal static class TestMachine
{
    /// <summary>The directory holding LlmMultiChat.Orleans.sln, found above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "LlmMultiChat.Orleans.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("The repository root (LlmMultiChat.Orleans.sln) is not above the test binaries.");
        }

        return root.FullName;
    }

    /// <summary>Whether <c>program --version</c> runs and succeeds.</summary>
    public static bool CanRun(string program)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
