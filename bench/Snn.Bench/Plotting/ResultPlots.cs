using ScottPlot;
using Snn.Bench.Running;

namespace Snn.Bench.Plotting;

/// <summary>
/// The PNG plots of a suite run (ScottPlot 5, rendered headless through SkiaSharp): a spike raster
/// of a subset of neurons and the population rate of each population.
/// </summary>
public static class ResultPlots
{
    /// <summary>Most neurons shown in a raster, shared among populations in proportion to their size.</summary>
    public const int RasterNeurons = 200;

    /// <summary>Bin of the population rate (ms).</summary>
    public const double RateBinMs = 1;

    private const int Width = 1000;
    private const int RasterHeight = 600;
    private const int RateHeight = 400;

    /// <summary>Writes <c>&lt;suite&gt;-raster.png</c> and <c>&lt;suite&gt;-rate.png</c> into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> WriteAll(SuiteRun run, string directory)
    {
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(directory);
        string raster = Path.Combine(directory, $"{run.Result.Suite}-raster.png");
        string rate = Path.Combine(directory, $"{run.Result.Suite}-rate.png");
        WriteRaster(run, raster);
        WritePopulationRate(run, rate);
        return [raster, rate];
    }

    /// <summary>Writes a spike raster of at most <see cref="RasterNeurons"/> neurons (the first ones of each population).</summary>
    public static void WriteRaster(SuiteRun run, string path)
    {
        ArgumentNullException.ThrowIfNull(run);
        var plot = new Plot();
        var points = RasterPoints(run.Spikes, RasterNeurons);
        int row = 0;
        for (int p = 0; p < points.Count; p++)
        {
            var (name, times, rows, shown) = points[p];
            if (times.Length > 0)
            {
                var markers = plot.Add.Markers(times, rows, MarkerShape.FilledCircle, 2, Palette(p));
                markers.LegendText = name;
            }
            row += shown;
        }
        plot.Title($"{run.Result.Suite}: spikes of {row} of {run.Result.Neurons} neurons");
        plot.XLabel("time (ms)");
        plot.YLabel("neuron");
        plot.Axes.SetLimits(0, run.Result.SimulatedMs, -1, Math.Max(row, 1));
        if (points.Any(p => p.Times.Length > 0))
        {
            plot.ShowLegend(Alignment.UpperRight);
        }
        PlotFile.SavePng(plot, path, Width, RasterHeight);
    }

    /// <summary>Writes the population rate of each population in bins of <see cref="RateBinMs"/> (at least one step).</summary>
    public static void WritePopulationRate(SuiteRun run, string path)
    {
        ArgumentNullException.ThrowIfNull(run);
        var plot = new Plot();
        for (int p = 0; p < run.Spikes.Count; p++)
        {
            var (times, rates) = PopulationRate(run.Spikes[p], run.Result.SimulatedMs, RateBinMs);
            if (times.Length == 0)
            {
                continue;
            }
            var line = plot.Add.ScatterLine(times, rates, Palette(p));
            line.LegendText = run.Spikes[p].Population;
        }
        plot.Title($"{run.Result.Suite}: population rate (mean {run.Result.MeanRateHz:F2} Hz)");
        plot.XLabel("time (ms)");
        plot.YLabel("rate (Hz)");
        plot.Axes.SetLimitsX(0, run.Result.SimulatedMs);
        plot.ShowLegend(Alignment.UpperRight);
        PlotFile.SavePng(plot, path, Width, RateHeight);
    }

    /// <summary>
    /// The raster's points: for each population its first k neurons, k in proportion to its size
    /// (at least 1, at most <paramref name="maxNeurons"/> in all), stacked one population above the other.
    /// </summary>
    public static IReadOnlyList<(string Population, double[] Times, double[] Rows, int Shown)> RasterPoints(IReadOnlyList<PopulationSpikes> spikes, int maxNeurons)
    {
        ArgumentNullException.ThrowIfNull(spikes);
        long total = spikes.Sum(s => (long)s.Record.PopulationSize);
        var result = new List<(string, double[], double[], int)>();
        int offset = 0;
        foreach (var population in spikes)
        {
            var record = population.Record;
            int shown = total <= maxNeurons
                ? record.PopulationSize
                : (int)Math.Max(1, Math.Round((double)maxNeurons * record.PopulationSize / total));
            var times = new List<double>();
            var rows = new List<double>();
            for (int i = 0; i < record.Count; i++)
            {
                if (record.Neurons[i] < shown)
                {
                    times.Add(record.Steps[i] * record.Dt);
                    rows.Add(offset + record.Neurons[i]);
                }
            }
            result.Add((population.Population, times.ToArray(), rows.ToArray(), shown));
            offset += shown;
        }
        return result;
    }

    /// <summary>The population's rate (Hz) in bins of <paramref name="binMs"/> (at least one step), over
    /// <paramref name="durationMs"/>; times are the bins' centres (ms).</summary>
    public static (double[] Times, double[] Rates) PopulationRate(PopulationSpikes spikes, double durationMs, double binMs)
    {
        ArgumentNullException.ThrowIfNull(spikes);
        var record = spikes.Record;
        double bin = Math.Max(binMs, record.Dt);
        int bins = (int)Math.Floor(durationMs / bin + 1e-9);
        if (bins <= 0 || record.RecordedNeurons == 0)
        {
            return ([], []);
        }
        var counts = new long[bins];
        for (int i = 0; i < record.Count; i++)
        {
            // A spike at step s closes step s-1, i.e. the interval ((s-1)·dt, s·dt].
            double time = (record.Steps[i] - 0.5) * record.Dt;
            int b = (int)(time / bin);
            if (b >= 0 && b < bins)
            {
                counts[b]++;
            }
        }
        var times = new double[bins];
        var rates = new double[bins];
        for (int b = 0; b < bins; b++)
        {
            times[b] = (b + 0.5) * bin;
            rates[b] = counts[b] / (record.RecordedNeurons * bin / 1000.0);
        }
        return (times, rates);
    }

    private static Color Palette(int index) => index switch
    {
        0 => Colors.Navy,
        1 => Colors.Crimson,
        2 => Colors.DarkGreen,
        _ => Colors.DarkOrange,
    };
}
