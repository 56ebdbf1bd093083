using System.ComponentModel;
using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Inventory;
using AiGovernance.Reporting;
using AiGovernance.Reporting.TechnicalFile;
using AiGovernance.Samples.DriftJob.Cli;
using AiGovernance.Samples.DriftJob.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AiGovernance.Tool;

/// <summary><c>aigov techfile --system ID --system-version V --artifact FILE --store CONNECTION</c>: the EU AI Act technical
/// file (Annex IV) of one AI system, assembled by the Reporting package's <see cref="TechnicalDocumentation"/> from the
/// governance database — the system's inventory record, its audit records, serious incidents and stored reports — with every
/// point the database cannot fill listed as a gap; signed when <c>--signing-key</c> is given. <c>aigov techfile --verify DIR
/// --trusted-key PUB</c> checks a written file against its envelope (and, with <c>--store</c>, against the database).</summary>
/// <remarks>Writes <c>technical-file.json</c>, <c>.html</c>, <c>.md</c> (and <c>technical-file.dsse.json</c> when signed)
/// together, all or none. Nothing is written when the audit chain does not verify: a file citing a broken log is not made.</remarks>
internal sealed class TechFileCommand(IAnsiConsole console, TimeProvider timeProvider) : AsyncCommand<TechFileCommand.Settings>
{
    /// <summary>The DSSE envelope written beside the renderings when the file is signed.</summary>
    public const string EnvelopeFile = "technical-file.dsse.json";

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        settings.Verify is not null
            ? await VerifyAsync(settings, cancellationToken)
            : await BuildAsync(settings, cancellationToken);

    private async Task<int> BuildAsync(Settings settings, CancellationToken cancellationToken)
    {
        var folder = ReportFiles.CheckOutputFolder(settings.Out);
        var artifact = await ArtifactAsync(settings, cancellationToken);
        using var signer = settings.SigningKey is null ? null : SigningKeys.LoadSigner(settings.SigningKey);
        var built = await GovernanceStore.UseAsync(settings.Store!, timeProvider, async store =>
        {
            var chain = await store.AuditLog.VerifyAsync(cancellationToken);
            if (!chain.IsValid)
            {
                return (Document: (TechnicalFileDocument?)null, Chain: chain);
            }

            var entry = await store.Inventory.FindAsync(settings.System!, cancellationToken)
                ?? throw new DriftJobInputException($"The AI inventory in {store.Described} holds no system '{settings.System}': "
                    + "the technical file starts from the system's record.");
            var evidence = new TechnicalFileEvidence { InventoryEntry = entry, StandardsApplied = settings.Standards ?? [] };
            var document = await TechnicalDocumentation.BuildAsync(System(entry, settings.SystemVersion!), artifact, store.AuditLog,
                store.Reports, timeProvider, evidence, cancellationToken);
            return (Document: document, Chain: chain);
        });
        if (built.Document is not { } file)
        {
            console.MarkupLine($"[red bold]Audit chain BROKEN[/] at record {built.Chain.FirstInvalidSequence}: {built.Chain.Failure} — "
                + $"{Shown.Markup(built.Chain.Message)}. No technical file written: it would cite a log that does not verify.");
            return VerifyAuditCommand.ExitBroken;
        }

        List<(string Name, string Content)> files;
        if (signer is null)
        {
            var renderer = new ReportRenderer();
            files = [(SignedTechnicalFile.JsonName, renderer.ToJson(file)), (SignedTechnicalFile.HtmlName, renderer.ToHtml(file)),
                (SignedTechnicalFile.MarkdownName, renderer.ToMarkdown(file))];
        }
        else
        {
            var signed = await TechnicalDocumentation.SignAsync(file, signer, cancellationToken: cancellationToken);
            files = [(SignedTechnicalFile.JsonName, signed.Json), (SignedTechnicalFile.HtmlName, signed.Html),
                (SignedTechnicalFile.MarkdownName, signed.Markdown), (EnvelopeFile, signed.Envelope.ToJson())];
        }

        await ReportFiles.WriteAllAsync(folder, files, cancellationToken);
        var gaps = file.Sections.Where(s => s.Gaps.Count > 0).ToList();
        console.MarkupLine($"[bold]Technical file[/] of {Shown.Name(file.SystemName)} {Shown.Name(file.SystemVersion)}: "
            + $"{file.Sections.Count} Annex IV points, {file.CitedAuditRecords.Count} audit record(s) and {file.CitedReports.Count} report(s) "
            + $"cited; {gaps.Count} point(s) with gaps for the owner:");
        foreach (var section in gaps)
        {
            console.MarkupLine($"  {Shown.Markup(section.AnnexPoint)} {Shown.Markup(section.Title)}: "
                + Shown.Markup(string.Join("; ", section.Gaps)));
        }

        console.MarkupLine(signer is null ? "[yellow]Not signed[/] (no --signing-key)."
            : $"[green]Signed[/] by key {Shown.Markup(signer.KeyId)} ({EnvelopeFile}).");
        console.MarkupLine($"[bold]Written to[/] {Shown.Markup(folder)} ({string.Join(", ", files.Select(f => f.Name))})");
        return 0;
    }

    private async Task<int> VerifyAsync(Settings settings, CancellationToken cancellationToken)
    {
        var keys = SigningKeys.LoadTrusted(settings.TrustedKey!);
        var folder = settings.Verify!;
        var envelopeText = ReadText(folder, EnvelopeFile);
        if (!DsseEnvelope.TryParse(envelopeText, out var envelope, out var error))
        {
            throw new DriftJobInputException($"'{Path.Combine(folder, EnvelopeFile)}' is not a DSSE envelope: {error}");
        }

        var json = ReadText(folder, SignedTechnicalFile.JsonName);
        var result = TechnicalDocumentation.Verify(envelope!, json, keys, null, ReadText(folder, SignedTechnicalFile.HtmlName),
            ReadText(folder, SignedTechnicalFile.MarkdownName));
        if (result.IsValid && settings.Store is not null)
        {
            result = await GovernanceStore.UseAsync(settings.Store, timeProvider, async store =>
                await TechnicalDocumentation.VerifyAsync(envelope!, json, keys, store.AuditLog, store.Reports, null, cancellationToken));
        }

        if (result.IsValid)
        {
            console.MarkupLine($"[green bold]Technical file verified[/]: {Shown.Markup(result.Message)}");
            return 0;
        }

        console.MarkupLine($"[red bold]Technical file does NOT verify[/] ({result.Reason}): {Shown.Markup(result.Message)}");
        return VerifyAuditCommand.ExitBroken;
    }

    private static async Task<ModelArtifact> ArtifactAsync(Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(settings.Artifact!);
            return await ModelArtifact.FromStreamAsync(Path.GetFileName(settings.Artifact!), settings.ArtifactVersion ?? settings.SystemVersion!,
                stream, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DriftJobInputException($"Cannot read the model artifact '{settings.Artifact}': {ex.Message}", ex);
        }
    }

    private static AiSystem System(AiInventoryEntry entry, string version)
    {
        try
        {
            var thirdParty = entry.Vendor is null ? null : new ThirdPartyProvenance(entry.Vendor, entry.Component ?? entry.Product ?? entry.Name);
            return new AiSystem(entry.SystemId, entry.Name, version, entry.Owners, entry.Tier, thirdParty);
        }
        catch (ArgumentException ex)
        {
            throw new DriftJobInputException($"The inventory record of '{entry.SystemId}' cannot describe the system: {ex.Message}", ex);
        }
    }

    private static string ReadText(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DriftJobInputException(name == EnvelopeFile && ex is FileNotFoundException
                ? $"'{path}' does not exist: the technical file was not signed (write it with --signing-key)."
                : $"Cannot read '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>The command line of <c>aigov techfile</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--system <ID>")]
        [Description("The AI system's id, as its inventory record, audit records and reports carry it.")]
        public string? System { get; set; }

        [CommandOption("--system-version <VERSION>")]
        [Description("The system version the file documents (the inventory record does not hold it).")]
        public string? SystemVersion { get; set; }

        [CommandOption("--artifact <FILE>")]
        [Description("The model artifact the file documents: its SHA-256 binds the file (and the signature) to it.")]
        public string? Artifact { get; set; }

        [CommandOption("--artifact-version <VERSION>")]
        [Description("The artifact's version; the system version when omitted.")]
        public string? ArtifactVersion { get; set; }

        [CommandOption("--store <CONNECTION>")]
        [Description("The governance database: a SQLite file or \"Data Source=…\", or a PostgreSQL \"Host=…\" connection string. "
            + "With --verify, also checks the cited audit records and reports against it.")]
        public string? Store { get; set; }

        [CommandOption("--standard <TEXT>")]
        [Description("A harmonised standard or specification applied (Annex IV(7)); repeat for several.")]
        public string[]? Standards { get; set; }

        [CommandOption("--signing-key <FILE>")]
        [Description("Signs the file: a NIST P-256 private key, PKCS#8 (PEM \"PRIVATE KEY\" or DER). Never printed.")]
        public string? SigningKey { get; set; }

        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for technical-file.json, .html, .md (and technical-file.dsse.json when signed).")]
        [DefaultValue("techfile")]
        public string Out { get; set; } = "techfile";

        [CommandOption("--verify <DIR>")]
        [Description("Verifies the technical file written in DIR against its envelope instead of building one.")]
        public string? Verify { get; set; }

        [CommandOption("--trusted-key <FILE>")]
        [Description("With --verify: the signer's P-256 public key (PEM \"PUBLIC KEY\" or DER SubjectPublicKeyInfo).")]
        public string? TrustedKey { get; set; }

        public override ValidationResult Validate()
        {
            if (Verify is not null)
            {
                return string.IsNullOrWhiteSpace(TrustedKey)
                    ? ValidationResult.Error("techfile --verify DIR needs --trusted-key FILE (the signer's public key).")
                    : ValidationResult.Success();
            }

            return string.IsNullOrWhiteSpace(System) || string.IsNullOrWhiteSpace(Store) || string.IsNullOrWhiteSpace(SystemVersion)
                || string.IsNullOrWhiteSpace(Artifact)
                ? ValidationResult.Error("techfile needs --system ID, --system-version VERSION, --artifact FILE and --store CONNECTION.")
                : ValidationResult.Success();
        }
    }
}
