namespace Snn.Backends.Mpi;

/// <summary>No usable MPI library could be loaded: none is installed, or the one found is not
/// Open MPI. The message lists what was tried and how to fix it.</summary>
/// <param name="message">What was tried and how to fix it.</param>
public sealed class MpiUnavailableException(string message) : Exception(message);
