using AiGovernance.Shared;
using Microsoft.Extensions.Options;

namespace AiGovernance.Shared.Tests.Options;

public sealed class OptionsGuardTests
{
    [Fact]
    public void ThrowIfInvalid_ListsEveryFailureOfEveryValidator()
    {
        var options = new SampleOptions { Rate = 2, Name = "" };
        var ex = Assert.Throws<ArgumentException>(() =>
            OptionsGuard.ThrowIfInvalid(options, "options", new RateValidator(), new NameValidator()));
        Assert.Equal("options", ex.ParamName);
        Assert.Contains("Rate must be in [0, 1].", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Name is required.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfInvalid_ValidOptions_Passes() =>
        OptionsGuard.ThrowIfInvalid(new SampleOptions { Rate = 0.5, Name = "n" }, "options", new RateValidator(), new NameValidator());

    [Fact]
    public void ThrowIfInvalid_Null_ThrowsArgumentNull() =>
        Assert.Throws<ArgumentNullException>(() => OptionsGuard.ThrowIfInvalid<SampleOptions>(null!, "options", new RateValidator()));

    private sealed class SampleOptions
    {
        public double Rate { get; set; }

        public string Name { get; set; } = "";
    }

    private sealed class RateValidator : IValidateOptions<SampleOptions>
    {
        public ValidateOptionsResult Validate(string? name, SampleOptions options) =>
            options.Rate is >= 0 and <= 1 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail("Rate must be in [0, 1].");
    }

    private sealed class NameValidator : IValidateOptions<SampleOptions>
    {
        public ValidateOptionsResult Validate(string? name, SampleOptions options) =>
            options.Name.Length > 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail("Name is required.");
    }
}
