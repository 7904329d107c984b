namespace Silo.Testing;

/// <summary>
/// For a test whose machine lacks something it needs (a tool, a server). xunit 2.9 cannot skip at run time, so
/// the test calls <see cref="NotMet(Action{string}, string)"/> and returns: on a developer machine the reason is
/// written to the test output; in CI (CI=true) it throws instead, so a missing prerequisite there never passes.
/// </summary>
public static class Prerequisite
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void NotMet(Action<string> log, string reason) => NotMet(log, reason, IsCi);

    public static void NotMet(Action<string> log, string reason, bool isCi)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (isCi)
        {
            throw new PrerequisiteMissingException($"Prerequisite missing in CI (CI=true), where nothing may be skipped: {reason}");
        }

        log($"SKIPPED (prerequisite missing on this machine; this fails when CI=true): {reason}");
    }
}
