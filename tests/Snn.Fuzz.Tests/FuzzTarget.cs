namespace Snn.Fuzz.Tests;

/// <summary>
/// One file reader under fuzzing: how to read a file, which exception types its documentation
/// allows for a bad file, and the valid files mutants start from.
/// </summary>
/// <param name="Name">The target's name on the command line (<c>nir</c>, <c>idx</c>, ...).</param>
/// <param name="Extension">The file extension the reader is given (some readers look at it).</param>
/// <param name="Documented">The exception types (and their subclasses) a bad file may raise.</param>
/// <param name="Read">Reads the file at the given path completely.</param>
/// <param name="Seeds">Valid files in the format.</param>
/// <param name="Reseal">For a format with a checksum, rewrites it so that a mutant reaches the parser
/// behind the checksum; null when the format has none.</param>
/// <param name="AllocationCap">The managed bytes one read may allocate, and also how much it may
/// raise the process's peak resident memory.</param>
public sealed record FuzzTarget(
    string Name,
    string Extension,
    IReadOnlyList<Type> Documented,
    Action<string> Read,
    Func<IReadOnlyList<byte[]>> Seeds,
    Func<byte[], byte[]>? Reseal = null,
    long AllocationCap = FuzzRunner.AllocationCap)
{
    /// <summary>Whether <paramref name="error"/> is of a documented type.</summary>
    public bool IsDocumented(Exception error) => Documented.Any(t => t.IsInstanceOfType(error));

    /// <inheritdoc />
    public override string ToString() => Name;
}
