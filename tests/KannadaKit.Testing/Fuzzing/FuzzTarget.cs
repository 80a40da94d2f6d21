namespace KannadaKit.Testing.Fuzzing;

/// <summary>One parser under fuzzing: valid seed files to mutate, how to run an input through it, and which
/// exceptions mean "refused as bad input" (anything else is a bug).</summary>
public abstract class FuzzTarget
{
    /// <summary>Short name for reports.</summary>
    public abstract string Name { get; }

    /// <summary>Valid inputs the mutations start from.</summary>
    public abstract IReadOnlyList<byte[]> Seeds { get; }

    /// <summary>Whether the input is text (mutated as text and JSON as well as bytes).</summary>
    public virtual bool IsText => false;

    /// <summary>Loads the input and, if it loads, uses it as a program would.</summary>
    public abstract void Run(byte[] input);

    /// <summary>True for the typed errors the parser promises for bad input.</summary>
    public abstract bool IsExpected(Exception e);

    /// <summary>Whether a candidate seed runs without being refused: mutations should start from valid input.</summary>
    protected bool RunsCleanly(byte[] seed)
    {
        try
        {
            Run(seed);
            return true;
        }
        catch (Exception e) when (IsExpected(e))
        {
            return false;
        }
    }
}
