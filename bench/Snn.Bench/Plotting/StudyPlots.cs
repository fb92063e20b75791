using ScottPlot;

namespace Snn.Bench.Plotting;

/// <summary>The studies' plots: several lines over one swept parameter, or one bar per arm.</summary>
public static class StudyPlots
{
    private const int Width = 1000;
    private const int Height = 550;

    private static readonly Color[] Palette =
        [Colors.Navy, Colors.Crimson, Colors.DarkGreen, Colors.DarkOrange, Colors.Purple, Colors.Teal, Colors.SaddleBrown, Colors.Gray];

    /// <summary>Writes one line per series over <paramref name="x"/>, with a dotted horizontal
    /// reference line; returns the path.</summary>
    /// <param name="path">The PNG to write.</param>
    /// <param name="title">The plot's title.</param>
    /// <param name="xLabel">The x axis label.</param>
    /// <param name="yLabel">The y axis label.</param>
    /// <param name="x">The swept values.</param>
    /// <param name="series">Each line's legend text and values (as many as <paramref name="x"/>; NaN leaves a gap).</param>
    /// <param name="reference">The y of the reference line.</param>
    /// <param name="referenceLabel">The reference line's legend text.</param>
    /// <param name="dashedLast">Draw the last series dashed (a derived quantity).</param>
    /// <param name="legend">Where the legend goes; null for the upper right corner (rising curves want the lower right).</param>
    public static string Lines(string path, string title, string xLabel, string yLabel, double[] x,
        IReadOnlyList<(string Name, double[] Y)> series, double reference, string referenceLabel, bool dashedLast = false, Alignment? legend = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        for (int s = 0; s < series.Count; s++)
        {
            var (name, y) = series[s];
            if (y.Length != x.Length)
            {
                throw new ArgumentException($"series '{name}' has {y.Length} values for {x.Length} x values.", nameof(series));
            }
            var line = plot.Add.ScatterLine(x, y, Palette[s % Palette.Length]);
            line.LegendText = name;
            line.LineWidth = 2;
            line.MarkerSize = 5;
            line.MarkerShape = MarkerShape.FilledCircle;
            if (dashedLast && s == series.Count - 1)
            {
                line.LinePattern = LinePattern.Dashed;
            }
        }
        var referenceLine = plot.Add.HorizontalLine(reference, 1.5f, Colors.Black, LinePattern.Dotted);
        referenceLine.LegendText = referenceLabel;
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(legend ?? Alignment.UpperRight);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        PlotFile.SavePng(plot, path, Width, Height);
        return path;
    }

    /// <summary>Writes one labelled bar per arm (labels under the bars, wrapped to fit), with a dotted
    /// horizontal reference line; returns the path.</summary>
    /// <param name="path">The PNG to write.</param>
    /// <param name="title">The plot's title.</param>
    /// <param name="yLabel">The y axis label.</param>
    /// <param name="bars">Each bar's label and value.</param>
    /// <param name="reference">The y of the reference line.</param>
    /// <param name="referenceLabel">The reference line's legend text.</param>
    public static string Bars(string path, string title, string yLabel, IReadOnlyList<(string Label, double Value)> bars, double reference, string referenceLabel)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var plot = new Plot();
        var positions = new double[bars.Count];
        var labels = new string[bars.Count];
        for (int i = 0; i < bars.Count; i++)
        {
            positions[i] = i;
            labels[i] = Wrap(bars[i].Label, 16);
            var bar = plot.Add.Bar(i, bars[i].Value);
            bar.Color = Palette[i % Palette.Length];
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.Axes.Bottom.MinimumSize = 90;
        var referenceLine = plot.Add.HorizontalLine(reference, 1.5f, Colors.Black, LinePattern.Dotted);
        referenceLine.LegendText = referenceLabel;
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperRight);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        PlotFile.SavePng(plot, path, Width, Height);
        return path;
    }

    /// <summary>Breaks <paramref name="text"/> into lines of at most <paramref name="width"/> characters at spaces (a longer word keeps its own line).</summary>
    private static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        string line = "";
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        lines.Add(line);
        return string.Join('\n', lines);
    }
}
