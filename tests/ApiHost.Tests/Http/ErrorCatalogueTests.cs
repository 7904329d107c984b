using System.Text.RegularExpressions;
using LlmMultiChat.ApiHost.Http;

namespace LlmMultiChat.ApiHost.Tests.Http;

public sealed partial class ErrorCatalogueTests
{
    [Fact]
    public void Docs_api_md_lists_exactly_the_errors_the_server_returns()
    {
        var documented = ErrorRow().Matches(File.ReadAllText(RepositoryFile("docs/api.md")))
            .Select(m => (m.Groups["code"].Value, int.Parse(m.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["title"].Value.Trim()))
            .ToList();

        Assert.Equal(ApiErrors.All.Select(e => (e.Code, e.Status, e.Title)), documented);
    }

    [Fact]
    public void Every_code_is_unique_and_every_status_maps_to_a_code_of_that_status()
    {
        Assert.Equal(ApiErrors.All.Count, ApiErrors.All.Select(e => e.Code).Distinct().Count());
        foreach (var status in ApiErrors.All.Select(e => e.Status).Distinct())
        {
            Assert.Equal(status, ApiErrors.ForStatus(status).Status);
        }
    }

    private static string RepositoryFile(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^\| (?<code>E\d{4}) \| (?<status>\d{3}) \| (?<title>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex ErrorRow();
}
