using System.Globalization;
using System.Runtime.InteropServices;

namespace Benchmarks;

/// <summary>Prints results as Markdown tables, ready for docs/benchmarks.md.</summary>
internal static class Report
{
    public static void Machine()
    {
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
                          $"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        Console.WriteLine();
    }

    public static void Table(string title, string[] header, IEnumerable<string[]> rows)
    {
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine("| " + string.Join(" | ", header) + " |");
        Console.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }

        Console.WriteLine();
    }

    public static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Milliseconds(TimeSpan value, int decimals = 2) => Fixed(value.TotalMilliseconds, decimals) + " ms";

    public static string Fixed(double value, int decimals = 2) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
