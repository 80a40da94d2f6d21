using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>Where Metaspace puts its leading replacement character.</summary>
internal enum PrependScheme
{
    Always,
    First,
    Never,
}
