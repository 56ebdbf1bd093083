using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AiGovernance.Monitoring.Data;
using AiGovernance.Shared;
using nietras.SeparatedValues;

namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>Reads a CSV file with Sep straight into typed columns: numbers parsed to <see cref="double"/> while reading,
/// labels interned into category codes. No cell is kept as a string.</summary>
/// <remarks>
/// <para><b>Memory.</b> The lines are counted first (one pass over the bytes), so every column's array is allocated once
/// at its final size: 8 bytes a row for a numeric column, 4 for a categorical one, plus one string per distinct label.
/// At 1M rows × 25 columns that is about 170 MB per file; keeping every cell as a string, then building doubles beside
/// them, took 3.2 KiB per row pair (12 GiB at 4M rows). Large arrays come from <see cref="HugePageArray"/>, which asks
/// Linux for 2 MiB pages: the rows write across every column, and 4 KiB pages cost a fault per page and a TLB miss per
/// cell.</para>
/// <para><b>Column kinds</b> of the reference are decided as before — numeric when at least
/// <see cref="TableAssembler.NumericShare"/> of its non-empty cells are numbers — without keeping the text: the first
/// rows (up to 1,024, fewer for very wide files) are held as text to choose a tentative kind per column; the rest are
/// read as that kind, counting the cells that do not fit. A column whose tentative kind turns out wrong is fixed at the
/// end: a categorical column whose labels are numbers becomes numeric (each distinct label parsed once); a numeric
/// column with too many non-numbers is read again as text (a second pass over that column only, rare in practice).
/// The current file is read the same way, at the same time, and then fixed to the reference's kinds.</para>
/// <para><b>Lines.</b> Blank lines at the end are ignored; a blank line between rows of a multi-column file is bad input
/// (in a one-column file it is a missing value); a row whose field count differs from the header's, and a quoted field
/// the file ends inside, are bad input naming their line.</para>
/// </remarks>
internal sealed class CsvTableReader
{
    /// <summary>How many cells of the first rows are held as text to choose tentative kinds.</summary>
    private const int WindowCells = 2_000_000;

    private const int CancellationStride = 4096;

    private readonly string _full;
    private readonly string _shown;
    private readonly string _role;
    private readonly NumberReader _numbers;
    private readonly CancellationToken _cancellationToken;
    private string[] _names = [];
    private ColumnState[] _columns = [];
    private int[] _lines = [];
    private int _rows;

    /// <summary>Whether the file holds a quote character anywhere; when not, Sep parses without quote handling and no row
    /// is checked for an unclosed quote (there is none to open).</summary>
    private bool _quoted = true;

    private CsvTableReader(string full, string shown, string role, NumberReader numbers, CancellationToken cancellationToken)
    {
        _full = full;
        _shown = shown;
        _role = role;
        _numbers = numbers;
        _cancellationToken = cancellationToken;
    }

    /// <summary>One data row; <paramref name="blank"/> marks a blank line of a one-column file (a missing value), whose
    /// <paramref name="row"/> must not be read.</summary>
    private delegate void RowHandler(SepReader.Row row, int index, bool blank);

    /// <summary>Reads the rows of <paramref name="full"/>, each column as the kind its first rows suggest; call
    /// <see cref="Finish"/> with the final kinds to fix the columns that turned out otherwise.</summary>
    /// <param name="full">The file's full path.</param>
    /// <param name="shown">The path as the user gave it, for messages.</param>
    /// <param name="role">"reference" or "current", for messages.</param>
    /// <param name="numbers">How numbers are written in the file.</param>
    /// <param name="cancellationToken">Checked every 4,096 rows.</param>
    /// <remarks>Both files are read this way at the same time (one per core); only then are the reference's kinds known.</remarks>
    public static CsvTableReader ReadRows(string full, string shown, string role, NumberReader numbers, CancellationToken cancellationToken)
    {
        var reader = new CsvTableReader(full, shown, role, numbers, cancellationToken);
        reader.ReadRows();
        return reader;
    }

    // The hot loops run once per file: compiled optimised from the start instead of spending the first million rows in
    // unoptimised (tier-0) code waiting for the tiered JIT.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadRows()
    {
        (var capacity, _quoted) = CountLines(_full);
        _lines = new int[capacity];
        using (var sep = Open())
        {
            ReadHeader(sep);
            _columns = new ColumnState[_names.Length];
            var window = Math.Clamp(WindowCells / _names.Length, 16, 1024);
            var text = new string?[_names.Length][];
            for (var c = 0; c < text.Length; c++)
            {
                text[c] = new string?[Math.Min(window, capacity)];
            }

            var typed = false;
            ForEachRow(sep, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (row, index, blank) =>
            {
                if (!typed && index < text[0].Length)
                {
                    for (var c = 0; c < text.Length; c++)
                    {
                        var span = blank ? default : row[c].Span;
                        text[c][index] = span.IsWhiteSpace() ? null : span.ToString();
                    }

                    return;
                }

                if (!typed)
                {
                    StartTyped(text, index, capacity);
                    typed = true;
                }

                if (blank)
                {
                    _columns[0].Add(ReadOnlySpan<char>.Empty, index);
                    return;
                }

                for (var c = 0; c < _columns.Length; c++)
                {
                    _columns[c].Add(row[c], index);
                }
            });

            if (!typed)
            {
                StartTyped(text, _rows, capacity);
            }
        }
    }

    private SepReader Open()
    {
        // The column count is checked here, not by Sep, so a ragged row gets a short message naming its line (Sep's
        // quotes the whole row) and blank trailing lines can be told from ragged rows.
        return Sep.Reader(o => o with { Unescape = _quoted, DisableQuotesParsing = !_quoted, Trim = SepTrim.Outer, DisableColCountCheck = true })
            .FromFile(_full);
    }

    private void ReadHeader(SepReader sep)
    {
        var names = sep.Header.ColNames;
        if (names.Count == 0 || (names.Count == 1 && string.IsNullOrWhiteSpace(names[0])))
        {
            throw new DriftJobInputException($"The {_role} file '{N(_shown)}' is empty: it has no header row.");
        }

        for (var c = 0; c < names.Count; c++)
        {
            if (string.IsNullOrWhiteSpace(names[c]))
            {
                throw new DriftJobInputException($"The {_role} file '{N(_shown)}': header column {c + 1} has no name.");
            }
        }

        _names = [.. names];
    }

    /// <summary>Chooses each column's tentative kind from the rows held as text, and moves those rows into typed storage.</summary>
    private void StartTyped(string?[][] text, int heldRows, int capacity)
    {
        for (var c = 0; c < _columns.Length; c++)
        {
            int present = 0, looking = 0;
            for (var r = 0; r < heldRows; r++)
            {
                if (text[c][r] is { } cell)
                {
                    present++;
                    looking += _numbers.LooksNumeric(cell) ? 1 : 0;
                }
            }

            var numeric = present > 0 && looking >= TableAssembler.NumericShare * present;
            var state = numeric ? ColumnState.ForNumbers(capacity, _numbers) : ColumnState.ForLabels(capacity);
            for (var r = 0; r < heldRows; r++)
            {
                state.Add(text[c][r], r);
            }

            _columns[c] = state;
            text[c] = [];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ForEachRow(SepReader sep, RowHandler handler)
    {
        var blankLines = new List<int>();
        _rows = 0;
        var seen = 0;
        foreach (var row in sep)
        {
            if ((seen++ & (CancellationStride - 1)) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            if (_quoted)
            {
                CheckQuotesClosed(row.Span, row.LineNumberFrom);
            }

            if (row.Span.IsWhiteSpace())
            {
                // A blank line is a missing value in a one-column file, and nothing at all at the end of a file;
                // decided when the next row (or the end) shows which.
                blankLines.Add(row.LineNumberFrom);
                continue;
            }

            if (blankLines.Count > 0)
            {
                if (_names.Length > 1)
                {
                    throw new DriftJobInputException(
                        $"The {_role} file '{N(_shown)}', line {blankLines[0]}: the line is blank, but the file has {_names.Length} columns; "
                        + "remove the line (blank lines are ignored only at the end of a file).");
                }

                foreach (var blank in blankLines)
                {
                    _lines[_rows] = blank;
                    handler(row, _rows, blank: true);
                    _rows++;
                }

                blankLines.Clear();
            }

            if (row.ColCount != _names.Length)
            {
                throw new DriftJobInputException(
                    $"The {_role} file '{N(_shown)}', line {row.LineNumberFrom}: the row has {row.ColCount} field(s) but the header has " +
                        $"{_names.Length}.");
            }

            _lines[_rows] = row.LineNumberFrom;
            handler(row, _rows, blank: false);
            _rows++;
        }
    }

    /// <summary>Fixes every column to its final kind and returns the table.</summary>
    /// <param name="kinds">The reference's kinds (name → numeric) for the current file; null for the reference itself, whose
    /// kinds follow from its own cells (numeric when at least <see cref="TableAssembler.NumericShare"/> of the non-empty
    /// ones are numbers).</param>
    /// <exception cref="DriftJobInputException">A numeric column holds a cell that is not a finite number.</exception>
    public RawTable Finish(IReadOnlyDictionary<string, bool>? kinds)
    {
        var reread = new List<int>();
        for (var c = 0; c < _columns.Length; c++)
        {
            var state = _columns[c];
            var numeric = kinds is null ? state.IsNumberColumn(_numbers) : kinds.TryGetValue(_names[c], out var given) ? given : state.IsNumeric;
            if (numeric && state.IsNumeric && state.FirstFailure is { } failure)
            {
                throw NotANumber(c, failure.Row, failure.Text, failure.Infinite);
            }

            if (numeric && !state.IsNumeric)
            {
                _columns[c] = state.ToNumbers(_numbers, _rows, out var badRow);
                if (badRow >= 0)
                {
                    throw NotANumber(c, badRow, state.Label(badRow), _numbers.IsInfinite(state.Label(badRow)));
                }
            }
            else if (!numeric && state.IsNumeric && state.Present == 0)
            {
                // Nothing but empty cells: a categorical column with no categories, no need to read it again.
                _columns[c] = ColumnState.ForLabels(_rows);
                _columns[c].FillMissing(_rows);
            }
            else if (!numeric && state.IsNumeric)
            {
                reread.Add(c);
            }
        }

        if (reread.Count > 0)
        {
            ReadAsText(reread);
        }

        var columns = new RawColumn[_columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = _columns[c].ToRawColumn(_names[c]);
        }

        return new RawTable(_full, columns, _rows, _lines);
    }

    /// <summary>Reads the given columns again, as text: numeric-looking at the start, mostly text in the end.</summary>
    private void ReadAsText(List<int> columns)
    {
        foreach (var c in columns)
        {
            _columns[c] = ColumnState.ForLabels(_lines.Length);
        }

        using var sep = Open();
        ForEachRow(sep, (row, index, blank) =>
        {
            foreach (var c in columns)
            {
                _columns[c].Add(blank ? default : row[c].Span, index);
            }
        });
    }

    private DriftJobInputException NotANumber(int column, int row, string text, bool infinite)
    {
        var where = $"'{N(Path.GetFileName(_full))}', column '{UntrustedText.Bound(_names[column])}', line {_lines[row]} (data row {row + 1})";
        return new DriftJobInputException(infinite
            ? $"{where}: '{UntrustedText.Bound(text, 60)}' is infinite; the job compares finite numbers only. Leave the cell empty for a missing " +
                $"value."
            : $"{where}: '{UntrustedText.Bound(text, 60)}' is not a number, but the column is numeric (its reference values are numbers). "
                + "Fix the value or leave the cell empty for a missing value." + _numbers.Hint(text));
    }

    /// <summary>The number of lines, an upper bound on the rows (quoted fields may span lines), and whether any byte is a
    /// quote character (UTF-8 encodes no other character with the byte 0x22).</summary>
    private static (int Lines, bool Quoted) CountLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        long lines = 1;
        var quoted = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var bytes = buffer.AsSpan(0, read);
            lines += bytes.Count((byte)'\n');
            quoted = quoted || bytes.Contains((byte)'"');
        }

        return ((int)Math.Min(lines, Array.MaxLength), quoted);
    }

    /// <summary>End of file inside a quoted field: Sep then returns the rest of the file as one field of one row, so a
    /// 500-row file would read as 6 rows. A well-formed row holds an even number of quote characters (a quote inside
    /// a quoted field is doubled); this walks the row's quotes to find the one left open and names its line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckQuotesClosed(ReadOnlySpan<char> row, int firstLine)
    {
        var at = row.IndexOf('"');
        if (at < 0)
        {
            return;
        }

        var open = -1;
        while (at >= 0)
        {
            open = open < 0 ? at : -1;
            var next = row[(at + 1)..].IndexOf('"');
            at = next < 0 ? -1 : at + 1 + next;
        }

        if (open >= 0)
        {
            var line = firstLine + row[..open].Count('\n');
            throw new DriftJobInputException(
                $"The {_role} file '{N(_shown)}', line {line}: a quoted field opens there and is never closed (the file ends inside the quotes).");
        }
    }

    private static string N(string text) => UntrustedText.Bound(text, 300);

    /// <summary>One column while it is read: numbers (with the cells that were not) or interned labels.</summary>
    private sealed class ColumnState
    {
        private readonly NumberReader? _numbers;
        private readonly double[]? _values;
        private readonly int[]? _codes;
        private readonly Dictionary<string, int>? _table;
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly List<string>? _labels;
        private readonly List<int>? _counts;

        private ColumnState(int capacity, NumberReader? numbers)
        {
            _numbers = numbers;
            if (numbers is not null)
            {
                _values = HugePageArray.Allocate<double>(capacity);
            }
            else
            {
                _codes = HugePageArray.Allocate<int>(capacity);
                _table = new Dictionary<string, int>(StringComparer.Ordinal);
                _lookup = _table.GetAlternateLookup<ReadOnlySpan<char>>();
                _labels = [];
                _counts = [];
            }
        }

        public bool IsNumeric => _values is not null;

        /// <summary>Non-empty cells.</summary>
        public int Present { get; private set; }

        /// <summary>Non-empty cells of a numeric column that are not numbers (infinities included).</summary>
        public int Failures { get; private set; }

        /// <summary>The first cell of a numeric column that is not a finite number.</summary>
        public (int Row, string Text, bool Infinite)? FirstFailure { get; private set; }

        public static ColumnState ForNumbers(int capacity, NumberReader numbers) => new(capacity, numbers);

        public static ColumnState ForLabels(int capacity) => new(capacity, null);

        public void Add(string? cell, int row) => Add(cell.AsSpan(), row);

        /// <summary>The hot path: a cell straight from Sep (numbers parsed by Sep's own parser when the file uses the
        /// invariant format).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(SepReader.Col cell, int row)
        {
            if (_values is null || !_numbers!.IsInvariant)
            {
                Add(cell.Span, row);
                return;
            }

            var span = cell.Span;
            if (span.IsEmpty)
            {
                _values[row] = double.NaN;
                return;
            }

            // Sep's parser reads a comma as a thousands separator ("1,5" would become 15): such cells take the slow path.
            if (span.IndexOfAny(',', '_') < 0 && cell.TryParse(out double value) && double.IsFinite(value))
            {
                Present++;
                _values[row] = value;
                return;
            }

            Add(span, row);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(ReadOnlySpan<char> cell, int row)
        {
            if (cell.IsWhiteSpace())
            {
                if (_values is not null)
                {
                    _values[row] = double.NaN;
                }
                else
                {
                    _codes![row] = CategoricalColumn.MissingCode;
                }

                return;
            }

            Present++;
            if (_values is not null)
            {
                AddNumber(cell, row);
                return;
            }

            if (!_lookup.TryGetValue(cell, out var code))
            {
                code = _labels!.Count;
                var label = cell.ToString();
                _table!.Add(label, code);
                _labels.Add(label);
                _counts!.Add(0);
            }

            _codes![row] = code;
            CollectionsMarshal.AsSpan(_counts)[code]++;
        }

        /// <summary>Whether the column is numeric by the reference rule: some non-empty cells, and at least the numeric
        /// share of them numbers.</summary>
        public void FillMissing(int rows) => _codes.AsSpan(0, rows).Fill(CategoricalColumn.MissingCode);

        public bool IsNumberColumn(NumberReader numbers) =>
            IsNumeric ? Present > 0 && Failures <= (1 - TableAssembler.NumericShare) * Present : LooksNumeric(numbers);

        /// <summary>Whether at least the numeric share of this categorical column's cells are numbers.</summary>
        public bool LooksNumeric(NumberReader numbers)
        {
            if (Present == 0)
            {
                return false;
            }

            long looking = 0;
            for (var k = 0; k < _labels!.Count; k++)
            {
                looking += numbers.LooksNumeric(_labels[k]) ? _counts![k] : 0;
            }

            return looking >= TableAssembler.NumericShare * Present;
        }

        public string Label(int row) => _labels![_codes![row]];

        /// <summary>The numbers of a categorical column whose labels are numbers; <paramref name="badRow"/> is the first row
        /// holding a label that is not a finite number, or −1.</summary>
        public ColumnState ToNumbers(NumberReader numbers, int rows, out int badRow)
        {
            var parsed = new double[_labels!.Count];
            for (var k = 0; k < parsed.Length; k++)
            {
                // NaN reads as missing; anything else that is not a finite number marks the label as bad.
                parsed[k] = numbers.TryParse(_labels[k], out var value) && !double.IsInfinity(value) ? value : double.PositiveInfinity;
            }

            var result = ForNumbers(_codes!.Length, numbers);
            badRow = -1;
            for (var r = 0; r < rows; r++)
            {
                var code = _codes[r];
                var value = code == CategoricalColumn.MissingCode ? double.NaN : parsed[code];
                if (double.IsPositiveInfinity(value))
                {
                    badRow = r;
                    return result;
                }

                result._values![r] = value;
            }

            result.Present = Present;
            return result;
        }

        public RawColumn ToRawColumn(string name) =>
            _values is not null ? RawColumn.Numeric(name, _values) : RawColumn.Categorical(name, _codes!, _labels!);

        private void AddNumber(ReadOnlySpan<char> cell, int row)
        {
            // "NaN" reads as a missing value; an infinity counts as numeric-looking but is refused if the column is numeric.
            if (_numbers!.TryParse(cell, out var value) && !double.IsInfinity(value))
            {
                _values![row] = value;
                return;
            }

            Failures++;
            _values![row] = double.NaN;
            FirstFailure ??= (row, cell.ToString(), double.IsInfinity(value));
        }
    }
}
