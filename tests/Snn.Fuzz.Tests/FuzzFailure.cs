namespace Snn.Fuzz.Tests;

/// <summary>A mutant on which a reader broke its contract.</summary>
/// <param name="Target">The reader.</param>
/// <param name="Mutant">The mutant's index in its run.</param>
/// <param name="Problem">What went wrong: an undocumented exception (type and message), a time-out or an allocation above the cap.</param>
/// <param name="Input">The file that caused it.</param>
public sealed record FuzzFailure(string Target, int Mutant, string Problem, byte[] Input)
{
    /// <inheritdoc />
    public override string ToString() => $"{Target} mutant {Mutant} ({Input.Length} bytes): {Problem}";
}
