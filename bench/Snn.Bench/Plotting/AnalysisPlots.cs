using ScottPlot;

namespace Snn.Bench.Plotting;

/// <summary>The suites' own plots: weight histograms, power spectra, per-population rate boxes.</summary>
public static class AnalysisPlots
{
    private const int Width = 900;
    private const int Height = 500;

    /// <summary>Histograms (20 bins over [0, max]) of the initial and final weights; returns the path.</summary>
    public static string WeightHistogram(string path, IReadOnlyList<float> initial, IReadOnlyList<float> final, double max)
    {
        const int bins = 20;
        var plot = new Plot();
        var positions = Enumerable.Range(0, bins).Select(b => (b + 0.5) * max / bins).ToArray();
        var first = plot.Add.Bars(positions, Count(initial, bins, max));
        first.LegendText = "initial";
        var last = plot.Add.Bars(positions, Count(final, bins, max));
        last.LegendText = "final";
        foreach (var bar in last.Bars)
        {
            bar.FillColor = Colors.Crimson.WithAlpha(0.6);
            bar.Size = max / bins * 0.8;
        }
        foreach (var bar in first.Bars)
        {
            bar.FillColor = Colors.Navy.WithAlpha(0.4);
            bar.Size = max / bins * 0.8;
        }
        plot.Title("excitatory weight distribution");
        plot.XLabel("weight");
        plot.YLabel("synapses");
        plot.ShowLegend(Alignment.UpperCenter);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        PlotFile.SavePng(plot, path, Width, Height);
        return path;
    }

    /// <summary>A power spectrum (index = frequency in Hz) from 1 Hz; returns the path.</summary>
    public static string Spectrum(string path, double[] power, string title)
    {
        var plot = new Plot();
        var frequencies = Enumerable.Range(1, power.Length - 1).Select(f => (double)f).ToArray();
        plot.Add.ScatterLine(frequencies, power[1..]);
        plot.Add.VerticalSpan(30, 100, Colors.Orange.WithAlpha(0.15));
        plot.Title(title);
        plot.XLabel("frequency (Hz)");
        plot.YLabel("power (spikes² per bin)");
        PlotFile.SavePng(plot, path, Width, Height);
        return path;
    }

    /// <summary>Box plots of per-neuron rates (Hz) per population, with reference means as markers; returns the path.</summary>
    public static string RateBoxes(string path, IReadOnlyList<string> names, IReadOnlyList<double[]> rates, IReadOnlyList<double> references, string title)
    {
        var plot = new Plot();
        var boxes = new List<Box>();
        for (int p = 0; p < names.Count; p++)
        {
            var sorted = rates[p].Order().ToArray();
            if (sorted.Length == 0)
            {
                continue;
            }
            boxes.Add(new Box
            {
                Position = p,
                BoxMin = Quantile(sorted, 0.25),
                BoxMax = Quantile(sorted, 0.75),
                BoxMiddle = Quantile(sorted, 0.5),
                WhiskerMin = Quantile(sorted, 0.05),
                WhiskerMax = Quantile(sorted, 0.95),
            });
        }
        plot.Add.Boxes(boxes);
        var markers = plot.Add.Markers(Enumerable.Range(0, references.Count).Select(i => (double)i).ToArray(), references.ToArray(), MarkerShape.FilledDiamond, 8, Colors.Crimson);
        markers.LegendText = "reference mean";
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, names.Count).Select(i => (double)i).ToArray(), names.ToArray());
        plot.Title(title);
        plot.YLabel("rate (Hz)");
        plot.ShowLegend(Alignment.UpperLeft);
        PlotFile.SavePng(plot, path, Width, Height);
        return path;
    }

    private static double[] Count(IReadOnlyList<float> values, int bins, double max)
    {
        var counts = new double[bins];
        foreach (float w in values)
        {
            int b = Math.Clamp((int)(w / max * bins), 0, bins - 1);
            counts[b]++;
        }
        return counts;
    }

    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
