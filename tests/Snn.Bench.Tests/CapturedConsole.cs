using Spectre.Console;

namespace Snn.Bench.Tests;

/// <summary>A Spectre console that writes plain text (no colours, not interactive) into a string.</summary>
internal sealed class CapturedConsole
{
    private readonly StringWriter _writer = new();

    public CapturedConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        Console.Profile.Width = 250;
    }

    public IAnsiConsole Console { get; }

    public string Text => _writer.ToString();
}
