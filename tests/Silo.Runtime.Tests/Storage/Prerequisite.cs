using Xunit.Abstractions;

namespace Silo.Runtime.Tests.Storage;

/// <summary>
/// xunit 2.9 cannot skip at run time, so a test whose environment lacks something calls <see cref="NotMet"/> and
/// returns: on a developer machine the reason goes to the test output; in CI (CI=true) the test fails instead, so a
/// missing prerequisite there is never a silent pass.
/// </summary>
internal static class Prerequisite
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void NotMet(ITestOutputHelper output, string reason) => NotMet(output, reason, IsCi);

    internal static void NotMet(ITestOutputHelper output, string reason, bool isCi)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (isCi)
        {
            Assert.Fail($"Prerequisite missing in CI (CI=true): {reason}");
        }

        output.WriteLine($"SKIPPED (prerequisite missing on this machine; this fails when CI=true): {reason}");
    }
}
