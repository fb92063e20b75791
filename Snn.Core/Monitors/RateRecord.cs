namespace Snn.Core.Monitors;

/// <summary>Spike counts of a population per step and the instantaneous rate they imply.</summary>
/// <param name="Counts">Spikes in each step, from step 0.</param>
/// <param name="Dt">Time step (ms).</param>
/// <param name="PopulationSize">Number of neurons.</param>
public sealed record RateRecord(int[] Counts, double Dt, int PopulationSize)
{
    /// <summary>Population rate per bin of <paramref name="binMs"/> (Hz).</summary>
    public double[] Rates(double binMs)
    {
        int stepsPerBin = Math.Max(1, (int)Math.Round(binMs / Dt));
        int bins = Counts.Length / stepsPerBin;
        var rates = new double[bins];
        for (int b = 0; b < bins; b++)
        {
            long sum = 0;
            for (int k = 0; k < stepsPerBin; k++)
            {
                sum += Counts[b * stepsPerBin + k];
            }
            rates[b] = sum / (PopulationSize * stepsPerBin * Dt / 1000.0);
        }
        return rates;
    }
}
