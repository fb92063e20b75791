namespace Snn.Backends.Mpi;

/// <summary>An MPI call returned an error code (Open MPI's default error handler aborts the job
/// before this can happen; it is seen when a communicator's handler returns errors).</summary>
public sealed class MpiException : Exception
{
    /// <summary>Creates the exception for <paramref name="function"/> returning <paramref name="errorCode"/>.</summary>
    /// <param name="function">The MPI function, e.g. "MPI_Allgatherv".</param>
    /// <param name="errorCode">The MPI error code it returned (non-zero).</param>
    public MpiException(string function, int errorCode)
        : base($"{function} failed with MPI error code {errorCode}.")
    {
        Function = function;
        ErrorCode = errorCode;
    }

    /// <summary>The MPI function that failed.</summary>
    public string Function { get; }

    /// <summary>The MPI error code it returned.</summary>
    public int ErrorCode { get; }
}
