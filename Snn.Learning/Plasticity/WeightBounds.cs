using Snn.Core.Validation;

namespace Snn.Learning.Plasticity;

/// <summary>Hard and soft weight bounds shared by the rules.</summary>
internal static class WeightBounds
{
    public static void Validate(double wMin, double wMax)
    {
        Guard.Finite(wMin, "WMin");
        Guard.Finite(wMax, "WMax");
        if (wMax <= wMin)
        {
            throw new ArgumentOutOfRangeException("WMax", wMax, $"WMax = {wMax} must exceed WMin = {wMin}.");
        }
    }

    /// <summary>Clamps without <see cref="Math.Clamp(float, float, float)"/>, whose argument check cannot be compiled into GPU kernels.</summary>
    public static float Clamp(float w, double wMin, double wMax) => MathF.Min(MathF.Max(w, (float)wMin), (float)wMax);

    /// <summary>(w − w_min)/(w_max − w_min): the soft-bound depression factor.</summary>
    public static float FromLower(float w, double wMin, double wMax) => (float)((w - wMin) / (wMax - wMin));

    /// <summary>(w_max − w)/(w_max − w_min): the soft-bound potentiation factor.</summary>
    public static float ToUpper(float w, double wMin, double wMax) => (float)((wMax - w) / (wMax - wMin));
}
