using Snn.Core.Validation;

namespace Snn.Learning.Gradient;

/// <summary>
/// Learning-rate and DCLS kernel-width schedules as functions of training progress f ∈ [0, 1]
/// (the fraction of optimiser steps done). They follow the reference implementation of
/// Hammouamri et al. (github.com/Thvnvtos/SNN-delays), evaluated per optimiser step instead of per
/// epoch so short runs anneal smoothly.
/// </summary>
public static class Schedules
{
    /// <summary>Fraction of the run spent warming up in <see cref="LearningRateSchedule.OneCycle"/>.</summary>
    public const double OneCycleWarmupFraction = 0.3;

    /// <summary>The learning rate at progress <paramref name="progress"/>.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="rate">The base (for one-cycle: peak) rate, ≥ 0.</param>
    /// <param name="progress">Fraction of training done, in [0, 1].</param>
    public static double LearningRate(LearningRateSchedule schedule, double rate, double progress)
    {
        Guard.NonNegative(rate, nameof(rate));
        Guard.InRange(progress, 0, 1, nameof(progress));
        switch (schedule)
        {
            case LearningRateSchedule.Constant:
                return rate;
            case LearningRateSchedule.Cosine:
                return rate * 0.5 * (1 + Math.Cos(Math.PI * progress));
            case LearningRateSchedule.OneCycle:
                double initial = rate / 25;
                double final = initial / 1e4;
                if (progress < OneCycleWarmupFraction)
                {
                    return Anneal(initial, rate, progress / OneCycleWarmupFraction);
                }
                return Anneal(rate, final, (progress - OneCycleWarmupFraction) / (1 - OneCycleWarmupFraction));
            default:
                throw new ArgumentOutOfRangeException(nameof(schedule), schedule, $"schedule = {schedule} is not a known LearningRateSchedule.");
        }
    }

    /// <summary>
    /// The DCLS Gaussian width σ (steps) at progress <paramref name="progress"/>: exponential decay
    /// from <paramref name="initial"/> to <paramref name="final"/> over the first
    /// <paramref name="annealFraction"/> of training, then constant.
    /// σ(f) = σ₀ (σ₁/σ₀)^min(f / a, 1).
    /// </summary>
    /// <param name="initial">σ₀ (steps), ≥ <paramref name="final"/>.</param>
    /// <param name="final">σ₁ (steps), &gt; 0 (0.23 in the paper).</param>
    /// <param name="annealFraction">a, in (0, 1] (0.25 in the paper).</param>
    /// <param name="progress">f, in [0, 1].</param>
    public static double Sigma(double initial, double final, double annealFraction, double progress)
    {
        Guard.Positive(final, nameof(final));
        Guard.InRange(initial, final, double.MaxValue, nameof(initial));
        Guard.InRange(annealFraction, double.Epsilon, 1, nameof(annealFraction));
        Guard.InRange(progress, 0, 1, nameof(progress));
        double x = Math.Min(progress / annealFraction, 1);
        return initial * Math.Pow(final / initial, x);
    }

    private static double Anneal(double from, double to, double fraction)
        => to + (from - to) * 0.5 * (1 + Math.Cos(Math.PI * fraction));
}
