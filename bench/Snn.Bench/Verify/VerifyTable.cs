using System.Globalization;
using Spectre.Console;

namespace Snn.Bench.Verify;

/// <summary>The pass/fail table that <c>snn-bench verify</c> prints.</summary>
public static class VerifyTable
{
    /// <summary>One line per row: name, claim, measured value, tolerance, source and verdict.</summary>
    public static Table Of(VerifyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("row").AddColumn("claim").AddColumn("measured").AddColumn("tolerance").AddColumn("source").AddColumn("result");
        foreach (var row in report.Rows)
        {
            string verdict = row.Status switch
            {
                VerifyStatus.Pass => "[green]pass[/]",
                VerifyStatus.Fail => "[red]FAIL[/]: " + Markup.Escape(row.Reason ?? ""),
                _ => "[yellow]skip[/]: " + Markup.Escape(row.Reason ?? ""),
            };
            table.AddRow(Markup.Escape(row.Row), Markup.Escape(row.Claim), Markup.Escape(row.Measured), Markup.Escape(row.Tolerance), Markup.Escape(row.Source),
                verdict + string.Create(CultureInfo.InvariantCulture, $" [grey]({row.WallSeconds:F1} s)[/]"));
        }
        return table;
    }

    /// <summary>The closing line: counts and wall time.</summary>
    public static string Summary(VerifyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture,
            $"verify{(report.Quick ? " --quick" : "")}: {report.Passed} passed, {report.Failed} failed, {report.Skipped} skipped in {report.WallSeconds:F0} s");
    }
}
