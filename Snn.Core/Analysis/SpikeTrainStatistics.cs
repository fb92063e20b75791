using Snn.Core.Monitors;

namespace Snn.Core.Analysis;

/// <summary>
/// The statistics used to validate network models against references (as the Potjans-Diesmann
/// reference scripts and Elephant compute them): firing rates, the coefficient of variation of
/// inter-spike intervals, spike-count correlations, and the power spectrum of the population rate.
/// Times are in ms, rates in Hz.
/// </summary>
public static class SpikeTrainStatistics
{
    /// <summary>The spike times (ms) of each neuron in [fromMs, toMs).</summary>
    public static double[][] TrainsOf(SpikeRecord record, double fromMs, double toMs)
    {
        var trains = Enumerable.Range(0, record.PopulationSize).Select(_ => new List<double>()).ToArray();
        for (int i = 0; i < record.Count; i++)
        {
            double t = record.Steps[i] * record.Dt;
            if (t >= fromMs && t < toMs)
            {
                trains[record.Neurons[i]].Add(t);
            }
        }
        return trains.Select(t => t.ToArray()).ToArray();
    }

    /// <summary>The firing rate (Hz) of every train over a window of <paramref name="durationMs"/>.</summary>
    public static double[] Rates(double[][] trains, double durationMs)
    {
        if (!(durationMs > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(durationMs), durationMs, $"durationMs = {durationMs} must be > 0.");
        }
        return trains.Select(t => t.Length * 1000.0 / durationMs).ToArray();
    }

    /// <summary>CV = sd/mean of the inter-spike intervals of each train with at least
    /// <paramref name="minimumSpikes"/> spikes (others are left out).</summary>
    public static double[] CvIsi(double[][] trains, int minimumSpikes = 3)
    {
        var result = new List<double>();
        foreach (var train in trains)
        {
            if (train.Length < Math.Max(3, minimumSpikes))
            {
                continue;
            }
            int n = train.Length - 1;
            double mean = (train[^1] - train[0]) / n;
            double variance = 0;
            for (int k = 1; k < train.Length; k++)
            {
                double d = train[k] - train[k - 1] - mean;
                variance += d * d;
            }
            variance /= n - 1;
            result.Add(Math.Sqrt(variance) / mean);
        }
        return [.. result];
    }

    /// <summary>The mean Pearson correlation of spike counts in bins of <paramref name="binMs"/>
    /// between all pairs of the given trains that have spikes (NaN when fewer than two have).</summary>
    public static double MeanCountCorrelation(double[][] trains, double fromMs, double toMs, double binMs)
    {
        int bins = (int)Math.Floor((toMs - fromMs) / binMs);
        if (bins < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(binMs), binMs, $"binMs = {binMs} leaves fewer than 2 bins in [{fromMs}, {toMs}).");
        }
        var counts = new List<double[]>();
        foreach (var train in trains)
        {
            if (train.Length == 0)
            {
                continue;
            }
            var c = new double[bins];
            foreach (double t in train)
            {
                int b = (int)((t - fromMs) / binMs);
                if (b >= 0 && b < bins)
                {
                    c[b]++;
                }
            }
            double mean = c.Average();
            double norm = Math.Sqrt(c.Sum(x => (x - mean) * (x - mean)));
            if (norm == 0)
            {
                continue;
            }
            for (int b = 0; b < bins; b++)
            {
                c[b] = (c[b] - mean) / norm;
            }
            counts.Add(c);
        }
        if (counts.Count < 2)
        {
            return double.NaN;
        }
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < counts.Count; i++)
        {
            for (int j = i + 1; j < counts.Count; j++)
            {
                double dot = 0;
                for (int b = 0; b < bins; b++)
                {
                    dot += counts[i][b] * counts[j][b];
                }
                sum += dot;
                pairs++;
            }
        }
        return sum / pairs;
    }

    /// <summary>The periodogram of a signal sampled every <paramref name="sampleMs"/>, at integer
    /// frequencies 1..<paramref name="maxHz"/> Hz (mean removed, direct Fourier sums).</summary>
    public static double[] PowerSpectrum(ReadOnlySpan<double> signal, double sampleMs, int maxHz)
    {
        double mean = 0;
        foreach (double x in signal)
        {
            mean += x;
        }
        mean /= signal.Length;
        var power = new double[maxHz + 1];
        for (int f = 1; f <= maxHz; f++)
        {
            double re = 0, im = 0;
            double omega = 2 * Math.PI * f * sampleMs / 1000.0;
            for (int k = 0; k < signal.Length; k++)
            {
                double x = signal[k] - mean;
                re += x * Math.Cos(omega * k);
                im -= x * Math.Sin(omega * k);
            }
            power[f] = (re * re + im * im) / signal.Length;
        }
        return power;
    }

    /// <summary>The frequency (Hz) with the most power between <paramref name="lowHz"/> and <paramref name="highHz"/>.</summary>
    public static int PeakFrequency(double[] spectrum, int lowHz, int highHz)
    {
        int best = lowHz;
        for (int f = lowHz; f <= Math.Min(highHz, spectrum.Length - 1); f++)
        {
            if (spectrum[f] > spectrum[best])
            {
                best = f;
            }
        }
        return best;
    }
}
