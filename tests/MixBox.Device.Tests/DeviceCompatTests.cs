using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MixBox.Device.Tests;

/// <summary>
/// The nano compile check (tests/MixBox.DeviceCompat) is only worth something if it compiles
/// what the device build compiles, the way it compiles it: each nfproj has a project there
/// with the same sources and the same references (declarations standing in for the packages
/// that do not restore here); every device C# file is in an nfproj; the nfprojs' HintPaths,
/// packages.config files, nuget.config and docs/DEVICE.md name the same packages; and the host
/// model of the I2C stack has exactly the declared surface.
/// </summary>
public class DeviceCompatTests
{
    private const string CompatDir = "tests/MixBox.DeviceCompat/";

    /// <summary>The device build's projects and their compile checks.</summary>
    public static readonly string[][] Pairs =
    [
        ["firmware/device/MixBox.Dsp/MixBox.Dsp.nfproj", CompatDir + "MixBox.Dsp/MixBox.Dsp.Nano.csproj"],
        ["firmware/device/MixBox.Hal/MixBox.Hal.nfproj", CompatDir + "MixBox.Hal/MixBox.Hal.Nano.csproj"],
        ["firmware/device/MixBox.Firmware/MixBox.Firmware.nfproj", CompatDir + "MixBox.Firmware/MixBox.Firmware.Nano.csproj"],
        ["firmware/device/MixBox.Device/MixBox.Device.nfproj", CompatDir + "MixBox.Device/MixBox.Device.Nano.csproj"],
        ["tests/NFUnitTest/NFUnitTest.nfproj", CompatDir + "NFUnitTest/NFUnitTest.Nano.csproj"],
    ];

    public static TheoryData<string> NfProjects
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string[] pair in Pairs) data.Add(pair[0]);
            return data;
        }
    }

    public static TheoryData<string, string> Projects
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (string[] pair in Pairs) data.Add(pair[0], pair[1]);
            return data;
        }
    }

    /// <summary>Packages the nfprojs reference that have no declarations: nothing in the device code uses them, and a use would not compile.</summary>
    private static readonly string[] Undeclared = ["nanoFramework.Runtime.Events", "nanoFramework.UnitTestLauncher", "nanoFramework.System.Text", "System.Threading", "System.IO.Streams"];

    private static readonly ConcurrentDictionary<string, JsonElement> Evaluations = new();

    private static JsonElement Evaluate(string project) =>
        Evaluations.GetOrAdd(project, p => DotnetCli.Evaluate(RepoPaths.File(p), ["Compile", "Reference", "ProjectReference", "PackageReference", "PackageVersion"], ["AssemblyName"]));

    private static IEnumerable<JsonElement> Items(JsonElement evaluation, string item) =>
        evaluation.GetProperty("Items").TryGetProperty(item, out JsonElement list) ? list.EnumerateArray() : [];

    private static string[] FullPaths(JsonElement evaluation, string item) =>
        Items(evaluation, item).Select(i => Path.GetFullPath(i.GetProperty("FullPath").GetString()!)).Order(StringComparer.Ordinal).ToArray();

    private static string Property(JsonElement evaluation, string name) => evaluation.GetProperty("Properties").GetProperty(name).GetString()!;

    [Theory]
    [MemberData(nameof(Projects))]
    public void TheCompileCheckBuildsTheSourcesOfItsNfprojWithTheSameReferences(string nfproj, string check)
    {
        JsonElement device = Evaluate(nfproj);
        JsonElement compat = Evaluate(check);
        Assert.Equal(Property(device, "AssemblyName"), Property(compat, "AssemblyName"));

        string[] deviceSources = FullPaths(device, "Compile");
        Assert.NotEmpty(deviceSources);
        Assert.Equal(deviceSources, FullPaths(compat, "Compile"));

        // Package references: each one the nfproj names (mscorlib aside) is a declaration
        // project of the same assembly name, or one that is deliberately not declared.
        string[] packages = Items(device, "Reference").Select(r => r.GetProperty("Identity").GetString()!.Split(',')[0].Trim())
            .Where(name => name != "mscorlib").Order(StringComparer.Ordinal).ToArray();
        string[] compatReferences = FullPaths(compat, "ProjectReference");
        string[] declared = compatReferences.Where(p => p.Contains("/ApiSurface/")).Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(packages.Except(Undeclared).ToArray(), declared);
        foreach (string name in packages.Intersect(Undeclared))
        {
            Assert.False(Directory.Exists(RepoPaths.File(CompatDir + "ApiSurface/" + name)), name + " has declarations: reference them");
        }

        // Project references: the same assemblies.
        string[] deviceProjects = FullPaths(device, "ProjectReference").Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal).ToArray();
        string[] compatProjects = compatReferences.Where(p => !p.Contains("/ApiSurface/"))
            .Select(p => Path.GetFileName(Path.GetDirectoryName(p))!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(deviceProjects, compatProjects);

        // Nothing else reaches the compile check's compiler: no assembly references, one package.
        Assert.Empty(Items(compat, "Reference"));
        Assert.Equal(["nanoFramework.CoreLibrary"], Items(compat, "PackageReference").Select(p => p.GetProperty("Identity").GetString()!).ToArray());

        // mscorlib: the CoreLibrary version the nfproj's HintPath names.
        string mscorlib = Items(device, "Reference").Single(r => r.GetProperty("Identity").GetString()!.StartsWith("mscorlib")).GetProperty("HintPath").GetString()!;
        // (its version is central: Directory.Packages.props)
        string coreLibrary = Items(compat, "PackageVersion").Single(p => p.GetProperty("Identity").GetString() == "nanoFramework.CoreLibrary").GetProperty("Version").GetString()!;
        Assert.EndsWith("/nanoFramework.CoreLibrary." + coreLibrary + "/lib/mscorlib.dll", mscorlib.Replace('\\', '/'));
    }

    [Fact]
    public void EveryDeviceSourceFileIsCompiledByAnNfproj()
    {
        var compiled = new HashSet<string>(Pairs.SelectMany(pair => FullPaths(Evaluate(pair[0]), "Compile")));
        string[] deviceDirectories = ["firmware/device", "hal/MixBox.Hal.Device", "hal/MixBox.Hal", "tests/NFUnitTest", "firmware/MixBox.Firmware", "dsp/MixBox.Dsp"];
        var missing = new List<string>();
        foreach (string directory in deviceDirectories)
        {
            foreach (string file in Directory.EnumerateFiles(RepoPaths.File(directory), "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
                if (relative.Contains("/obj/") || relative.Contains("/bin/") || relative.EndsWith(".Host.cs")) continue;
                if (!compiled.Contains(Path.GetFullPath(file))) missing.Add(relative);
            }
        }
        Assert.True(missing.Count == 0, "device C# files no nfproj compiles: " + string.Join(", ", missing));
        Assert.Contains(Path.GetFullPath(RepoPaths.File("firmware/device/MixBox.Device/Program.cs")), compiled);
        Assert.Contains(Path.GetFullPath(RepoPaths.File("hal/MixBox.Hal.Device/NanoI2cDevice.cs")), compiled);
    }

    [Fact]
    public void TheDeviceProjectFilesAreWellFormedXml()
    {
        // Visual Studio and msbuild refuse a project that is not (a "--" in a comment is enough).
        var files = Pairs.Select(pair => pair[0])
            .SelectMany(p => new[] { p, Path.Combine(Path.GetDirectoryName(p)!, "packages.config") })
            .Append("tests/NFUnitTest/nano.runsettings").Append("nuget.config");
        foreach (string file in files)
        {
            var exception = Record.Exception(() => XDocument.Load(RepoPaths.File(file)));
            Assert.True(exception is null, file + ": " + exception?.Message);
        }
    }

    [Theory]
    [MemberData(nameof(NfProjects))]
    public void HintPathsPackagesConfigNugetConfigAndTheDocsNameTheSamePackages(string nfproj)
    {
        string project = RepoPaths.File(nfproj);
        string directory = Path.GetDirectoryName(project)!;
        string packagesFolder = Path.GetFullPath(RepoPaths.File("firmware/device/packages")) + Path.DirectorySeparatorChar;
        XNamespace ns = "http://schemas.microsoft.com/developer/msbuild/2003";
        var config = XDocument.Load(Path.Combine(directory, "packages.config")).Root!.Elements("package")
            .Select(p => (Id: (string)p.Attribute("id")!, Version: (string)p.Attribute("version")!)).ToList();
        var used = new HashSet<string>();
        foreach (XElement reference in XDocument.Load(project).Descendants(ns + "Reference"))
        {
            string hint = (string)reference.Element(ns + "HintPath")!;
            string path = Path.GetFullPath(Path.Combine(directory, hint.Replace('\\', '/')));
            Assert.StartsWith(packagesFolder, path);
            string folder = path[packagesFolder.Length..].Split(Path.DirectorySeparatorChar)[0];
            var package = config.SingleOrDefault(p => p.Id + "." + p.Version == folder);
            Assert.True(package.Id is not null, nfproj + ": " + hint + " is not in its packages.config");
            string assembly = ((string)reference.Attribute("Include")!).Split(',')[0];
            Assert.Equal(assembly, Path.GetFileNameWithoutExtension(path));
            used.Add(folder);
        }
        Assert.Equal(config.Select(p => p.Id + "." + p.Version).Order(), used.Order());

        // docs/DEVICE.md names each package with its version (in a table row or in text).
        string docs = Regex.Replace(File.ReadAllText(RepoPaths.File("docs/DEVICE.md")), @"[\s|`]+", " ");
        foreach (var (id, version) in config)
        {
            Assert.Contains(" " + id + " " + version + " ", docs);
        }

        // nuget.config puts packages.config restores where the HintPaths look.
        XElement repositoryPath = XDocument.Load(RepoPaths.File("nuget.config")).Root!.Element("config")!.Elements("add")
            .Single(e => (string)e.Attribute("key")! == "repositoryPath");
        Assert.Equal(packagesFolder, Path.GetFullPath(Path.Combine(RepoPaths.Root, (string)repositoryPath.Attribute("value")!)) + Path.DirectorySeparatorChar);
    }

    // ---- the host model against the declarations ----

    private static string DeclarationAssembly(string name) =>
        RepoPaths.File($"{CompatDir}ApiSurface/{name}/bin/{BuildConfiguration}/netstandard2.0/{name}.dll");

    /// <summary>Debug or Release: the declaration projects were built with the tests' configuration.</summary>
    private static string BuildConfiguration => typeof(DeviceCompatTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    private static MetadataLoadContext NanoContext() =>
        new(new PathAssemblyResolver([RepoPaths.Metadata("NanoMscorlib"), DeclarationAssembly("System.Device.I2c"), DeclarationAssembly("System.Device.Gpio"), DeclarationAssembly("nanoFramework.Hardware.Esp32")]), "mscorlib");

    private static Assembly Model => typeof(MixBox.NanoModel.Esp32Native).Assembly;

    [Fact]
    public void TheModelOfSystemDeviceI2cHasExactlyTheDeclaredSurface()
    {
        using var context = NanoContext();
        Assembly declared = context.LoadFromAssemblyPath(DeclarationAssembly("System.Device.I2c"));
        CompareNamespace(declared, "System.Device.I2c", notModelled: []);
    }

    [Fact]
    public void TheModelOfSystemDeviceGpioHasExactlyTheDeclaredSurface()
    {
        using var context = NanoContext();
        Assembly declared = context.LoadFromAssemblyPath(DeclarationAssembly("System.Device.Gpio"));
        CompareNamespace(declared, "System.Device.Gpio", notModelled: []);
    }

    [Fact]
    public void TheModelOfHardwareEsp32HasTheDeclaredSurfaceOfWhatItModels()
    {
        using var context = NanoContext();
        Assembly declared = context.LoadFromAssemblyPath(DeclarationAssembly("nanoFramework.Hardware.Esp32"));
        CompareNamespace(declared, "nanoFramework.Hardware.Esp32", notModelled: ["nanoFramework.Hardware.Esp32.HighResTimer"]);
    }

    [Fact]
    public void TheModelsSpanByteIsARefStructWhoseMembersAllExistInNanoFrameworksMscorlib()
    {
        using var context = NanoContext();
        Type nano = context.LoadFromAssemblyPath(RepoPaths.Metadata("NanoMscorlib")).GetType("System.SpanByte", throwOnError: true)!;
        Type model = Model.GetType("System.SpanByte", throwOnError: true)!;
        Assert.Equal(TypeShape(nano), TypeShape(model));
        string[] nanoMembers = Members(nano).ToArray();
        Assert.All(Members(model), member => Assert.Contains(member, nanoMembers));
    }

    private static void CompareNamespace(Assembly declared, string ns, string[] notModelled)
    {
        string[] declaredTypes = declared.GetTypes().Where(t => t.IsPublic && t.Namespace == ns).Select(t => t.FullName!).Order(StringComparer.Ordinal).ToArray();
        string[] modelTypes = Model.GetTypes().Where(t => t.IsPublic && t.Namespace == ns).Select(t => t.FullName!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(declaredTypes.Except(notModelled).ToArray(), modelTypes);
        foreach (string name in modelTypes)
        {
            Type declaredType = declared.GetType(name, throwOnError: true)!;
            Type modelType = Model.GetType(name, throwOnError: true)!;
            Assert.Equal(TypeShape(declaredType), TypeShape(modelType));
            Assert.Equal(Members(declaredType).Order(StringComparer.Ordinal), Members(modelType).Order(StringComparer.Ordinal));
        }
    }

    private static string TypeShape(Type t)
    {
        string kind = t.IsEnum ? "enum" : t.IsValueType ? "struct" : t.IsInterface ? "interface" : "class";
        bool byRefLike = t.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.IsByRefLikeAttribute");
        bool readOnly = t.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.IsReadOnlyAttribute");
        // An enum's interfaces are its runtime's System.Enum's (more on .NET than on nano): not compared.
        string interfaces = t.IsEnum ? "" : string.Join(",", t.GetInterfaces().Select(i => i.FullName).Order(StringComparer.Ordinal));
        return $"{kind} {t.FullName} sealed={t.IsSealed} abstract={t.IsAbstract} refstruct={byRefLike} readonly={readOnly} base={(t.IsEnum || t.IsValueType ? "" : t.BaseType?.FullName)} interfaces={interfaces}";
    }

    private static IEnumerable<string> Members(Type t)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (t.IsEnum)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue())}";
            }
            yield break;
        }
        foreach (MemberInfo member in t.GetMembers(flags))
        {
            switch (member)
            {
                case ConstructorInfo c:
                    yield return $"{(c.IsStatic ? "static " : "")}.ctor({Parameters(c)})";
                    break;
                case MethodInfo m:
                    yield return $"{(m.IsStatic ? "static " : "")}{(m.IsVirtual && !m.IsFinal ? "virtual " : "")}{m.ReturnType.FullName} {m.Name}({Parameters(m)})";
                    break;
                case PropertyInfo p:
                    yield return $"property {p.PropertyType.FullName} {p.Name} get={p.GetMethod?.IsPublic == true} set={p.SetMethod?.IsPublic == true}";
                    break;
                case FieldInfo f:
                    yield return $"field {(f.IsStatic ? "static " : "")}{f.FieldType.FullName} {f.Name}";
                    break;
                default:
                    yield return $"{member.MemberType} {member.Name}";
                    break;
            }
        }
    }

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p => p.ParameterType.FullName + " " + p.Name));
}
