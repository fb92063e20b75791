namespace Snn.Backends.Mpi;

/// <summary>
/// A rank of a distributed simulation failed. Every rank throws it at the same point of the run
/// (ranks agree on failures at each spike exchange, so none is left waiting), carrying the failing
/// ranks' messages; the failing rank's own exception is the <see cref="Exception.InnerException"/>
/// on that rank.
/// </summary>
public sealed class MpiRankFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failedRanks">The ranks that failed, ascending.</param>
    /// <param name="message">The combined message naming each failed rank and its error.</param>
    /// <param name="inner">This rank's own failure, or null when another rank failed.</param>
    public MpiRankFailedException(int[] failedRanks, string message, Exception? inner)
        : base(message, inner)
    {
        FailedRanks = failedRanks;
    }

    /// <summary>The ranks that failed, ascending.</summary>
    public IReadOnlyList<int> FailedRanks { get; }
}
