using System.Text.RegularExpressions;
using Snn.Bench.Cli;
using Snn.Bench.Verify;

namespace Snn.Bench.Tests.Cli;

/// <summary>Every <c>snn-bench</c> command line shown in README.md and bench/README.md parses without
/// an error, with its optional parts ([--option VALUE]) given and placeholders filled in (a line shown
/// twice in one README is one case).</summary>
public sealed class DocumentedCommandLineTests
{
    private const string Project = "dotnet run -c Release --project bench/Snn.Bench";

    private static readonly Dictionary<string, string> Placeholders = new()
    {
        ["N"] = "100", ["ms"] = "10", ["T"] = "1", ["S"] = "1", ["DIR"] = "d", ["W"] = "10", ["K"] = "0.5", ["NAME"] = VerifyRegistry.Names.First(),
    };

    public static TheoryData<string, string> CommandLines()
    {
        var lines = new TheoryData<string, string>();
        var seen = new HashSet<(string, string)>();
        foreach (string readme in new[] { "README.md", "bench-README.md" })
        {
            foreach (string line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Readmes", readme)))
            {
                string? arguments = null;
                if (line.StartsWith(Project, StringComparison.Ordinal) && (line.Length == Project.Length || line[Project.Length] == ' '))
                {
                    arguments = line[Project.Length..];
                }
                else if (Regex.Match(line, @"^mpirun .*snn-bench\.dll (?<args>.*)$") is { Success: true } mpirun)
                {
                    arguments = mpirun.Groups["args"].Value;
                }
                if (arguments is null)
                {
                    continue;
                }
                arguments = arguments.Split('#')[0].Trim();
                if (arguments == "--" || arguments.StartsWith("-- ", StringComparison.Ordinal))
                {
                    arguments = arguments[2..].Trim();
                }
                if (seen.Add((readme, arguments)))
                {
                    lines.Add(readme, arguments);
                }
            }
        }
        return lines;
    }

    [Fact]
    public void BothReadmesShowManyCommandLines()
    {
        Assert.True(CommandLines().Count >= 40, $"only {CommandLines().Count} command lines found");
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void DocumentedCommandLineParses(string readme, string commandLine)
    {
        string filled = Regex.Replace(commandLine.Replace("[", "").Replace("]", ""), @"(?<=\s)(N|ms|T|S|DIR|W|K|NAME)(?=\s|$)", m => Placeholders[m.Value]);
        var cli = new BenchCli(new CapturedConsole().Console);

        var parse = cli.Root.Parse(filled.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.True(parse.Errors.Count == 0, $"{readme}: '{filled}': {string.Join("; ", parse.Errors.Select(e => e.Message))}");
    }
}
