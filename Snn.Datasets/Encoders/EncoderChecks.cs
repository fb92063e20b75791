namespace Snn.Datasets.Encoders;

/// <summary>Argument checks shared by the encoders.</summary>
internal static class EncoderChecks
{
    public static void UnitInterval(ReadOnlySpan<float> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            float v = values[i];
            if (!float.IsFinite(v) || v < 0 || v > 1)
            {
                throw new ArgumentOutOfRangeException(name, v, $"{name}[{i}] = {v} must be in [0, 1].");
            }
        }
    }

    public static void Sample(int sample)
    {
        if (sample < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sample), sample, $"sample = {sample} must be >= 0.");
        }
    }
}
