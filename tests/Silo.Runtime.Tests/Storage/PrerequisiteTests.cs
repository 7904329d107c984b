using Xunit.Abstractions;
using Xunit.Sdk;

namespace Silo.Runtime.Tests.Storage;

public sealed class PrerequisiteTests
{
    [Fact]
    public void Outside_ci_a_missing_prerequisite_writes_its_reason_to_the_test_output()
    {
        var output = new RecordingOutput();

        Prerequisite.NotMet(output, "chattr is not installed", isCi: false);

        Assert.Contains("chattr is not installed", Assert.Single(output.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void In_ci_a_missing_prerequisite_fails_the_test_with_its_reason()
    {
        var output = new RecordingOutput();

        var failure = Assert.Throws<FailException>(() => Prerequisite.NotMet(output, "chattr is not installed", isCi: true));

        Assert.Contains("chattr is not installed", failure.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingOutput : ITestOutputHelper
    {
        public List<string> Lines { get; } = [];

        public void WriteLine(string message) => Lines.Add(message);

        public void WriteLine(string format, params object[] args) => Lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
