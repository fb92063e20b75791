namespace Snn.Bench.Verify;

/// <summary>The verdict of one <c>snn-bench verify</c> row.</summary>
public enum VerifyStatus
{
    /// <summary>The measured value is within the tolerance of the claim.</summary>
    Pass,

    /// <summary>The measured value is outside the tolerance, or the row could not run.</summary>
    Fail,

    /// <summary>The row needs something this machine lacks (a data set, <c>mpirun</c>); the reason says what.</summary>
    Skip,
}
