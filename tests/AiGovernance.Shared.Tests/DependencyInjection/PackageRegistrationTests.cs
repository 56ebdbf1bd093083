using AiGovernance.Core.Audit;
using AiGovernance.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiGovernance.Shared.Tests.DependencyInjection;

public sealed class PackageRegistrationTests
{
    [Fact]
    public void TryAddPackage_Twice_AddsTheServicesOnceAndCoreServices()
    {
        var services = new ServiceCollection();
        var calls = 0;
        void AddServices(IServiceCollection s)
        {
            if (PackageRegistration.TryAddPackage<Marker, SampleOptions, RangeValidator, NameValidator>(s))
            {
                calls++;
            }
        }

        var builder = services.AddAiGovernance();
        PackageRegistration.Add(builder, AddServices);
        var count = services.Count;
        PackageRegistration.Add(builder, AddServices);

        Assert.Equal(1, calls);
        Assert.Equal(count, services.Count);
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IValidateOptions<SampleOptions>)));
        Assert.Single(services, d => d.ServiceType == typeof(IAuditLog));
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Fact]
    public void Add_ConfigureAndSection_ApplyInOrder_AndInvalidOptionsFailAtStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["S:Rate"] = "2" }).Build();
        var services = new ServiceCollection();
        var builder = services.AddAiGovernance();
        PackageRegistration.Add<SampleOptions>(builder, Add, o => o.Name = "");
        PackageRegistration.Add<SampleOptions>(builder, Add, configuration.GetSection("S"), static (options, section) => options.Bind(section));

        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);
        Assert.Contains("Rate must be in [0, 1].", ex.Failures);
        Assert.Contains("Name is required.", ex.Failures);

        static void Add(IServiceCollection s) => PackageRegistration.TryAddPackage<Marker, SampleOptions, RangeValidator, NameValidator>(s);
    }

    [Fact]
    public void Add_NullArguments_NameThem()
    {
        var builder = new ServiceCollection().AddAiGovernance();
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => PackageRegistration.Add(null!, _ => { })).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() =>
            PackageRegistration.Add<SampleOptions>(builder, _ => { }, null!)).ParamName);
        Assert.Equal("section", Assert.Throws<ArgumentNullException>(() =>
            PackageRegistration.Add<SampleOptions>(builder, _ => { }, null!, static (options, section) => options.Bind(section))).ParamName);
    }

    private sealed class Marker;

    private sealed class SampleOptions
    {
        public double Rate { get; set; }

        public string Name { get; set; } = "n";
    }

    private sealed class RangeValidator : IValidateOptions<SampleOptions>
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
