using Silo.Testing;

namespace Silo.Runtime.Tests.Storage;

public sealed class PrerequisiteTests
{
    [Fact]
    public void Outside_ci_a_missing_prerequisite_writes_its_reason_to_the_test_output()
    {
        var lines = new List<string>();

        Prerequisite.NotMet(lines.Add, "chattr is not installed", isCi: false);

        Assert.Contains("chattr is not installed", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public void In_ci_a_missing_prerequisite_fails_the_test_with_its_reason()
    {
        var lines = new List<string>();

        var failure = Assert.Throws<PrerequisiteMissingException>(() => Prerequisite.NotMet(lines.Add, "chattr is not installed", isCi: true));

        Assert.Contains("chattr is not installed", failure.Message, StringComparison.Ordinal);
        Assert.Empty(lines);
    }
}
