namespace Snn.Experiments.Sfq;

/// <summary>The contiguous run of passing points around the bias scale nearest 1, shared by the XOR
/// margin tables of the pulse-level study and of the circuit comparison.</summary>
internal static class BiasWindow
{
    /// <summary>Indices of the first and last point of the passing run that holds the point nearest
    /// scale 1; null when that point fails.</summary>
    /// <param name="scales">Bias scales, ascending, at least one.</param>
    /// <param name="passes">Whether each point passes.</param>
    public static (int Low, int High)? AroundNominal(IReadOnlyList<double> scales, IReadOnlyList<bool> passes)
    {
        int nominal = 0;
        for (int i = 1; i < scales.Count; i++)
        {
            if (Math.Abs(scales[i] - 1) < Math.Abs(scales[nominal] - 1))
            {
                nominal = i;
            }
        }
        if (!passes[nominal])
        {
            return null;
        }
        int low = nominal, high = nominal;
        while (low > 0 && passes[low - 1])
        {
            low--;
        }
        while (high < scales.Count - 1 && passes[high + 1])
        {
            high++;
        }
        return (low, high);
    }
}
