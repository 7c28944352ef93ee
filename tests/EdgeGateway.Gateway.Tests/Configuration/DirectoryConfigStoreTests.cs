using System;
using System.IO;
using System.Text;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Linux.Configuration;
using EdgeGateway.Shared.Errors;
using static EdgeGateway.Gateway.Tests.Configuration.ConfigTestSupport;

namespace EdgeGateway.Gateway.Tests.Configuration;

public sealed class DirectoryConfigStoreTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "egw-config-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Writes_replace_the_file_and_leave_no_temporary_behind()
    {
        var store = new DirectoryConfigStore(dir);
        Assert.Null(store.Read("gateway.json"));
        Assert.False(store.Exists("gateway.json"));

        store.WriteAtomic("gateway.json", Encoding.UTF8.GetBytes("old"));
        store.WriteAtomic("gateway.json", Encoding.UTF8.GetBytes("new content"));

        Assert.Equal("new content", Encoding.UTF8.GetString(store.Read("gateway.json")!));
        Assert.True(store.Exists("gateway.json"));
        Assert.Equal(new[] { "gateway.json" }, Array.ConvertAll(Directory.GetFiles(dir), Path.GetFileName));
    }

    [Fact]
    public void A_crash_between_temp_write_and_rename_leaves_the_old_content_readable()
    {
        var store = new DirectoryConfigStore(dir);
        store.WriteAtomic("gateway.json", Encoding.UTF8.GetBytes("old complete content"));

        // What a crash after writing (part of) the temporary file and before rename(2) leaves behind.
        File.WriteAllBytes(Path.Combine(dir, "gateway.json" + DirectoryConfigStore.TempSuffix), Encoding.UTF8.GetBytes("{ \"half"));

        var afterRestart = new DirectoryConfigStore(dir);
        Assert.Equal("old complete content", Encoding.UTF8.GetString(afterRestart.Read("gateway.json")!));

        afterRestart.WriteAtomic("gateway.json", Encoding.UTF8.GetBytes("next"));
        Assert.Equal("next", Encoding.UTF8.GetString(afterRestart.Read("gateway.json")!));
        Assert.False(File.Exists(Path.Combine(dir, "gateway.json.tmp")));
    }

    [Theory]
    [InlineData("../gateway.json")]
    [InlineData("sub/gateway.json")]
    [InlineData("gateway.json.tmp")]
    [InlineData("")]
    public void Names_that_escape_the_directory_or_collide_with_temporaries_are_refused(string name)
    {
        var store = new DirectoryConfigStore(dir);
        Assert.Throws<InputException>(() => store.WriteAtomic(name, [1]));
    }

    [Fact]
    public void The_applier_works_on_real_files()
    {
        var store = new DirectoryConfigStore(dir);
        byte[] old = Encoding.UTF8.GetBytes(Minimal);
        store.WriteAtomic(ConfigApplier.CurrentName, old);
        var applier = new ConfigApplier(store);
        uint running = applier.LoadAtStartup().Config!.Hash;

        byte[] desired = Edited(r => At(r, "devices", 0).Set("pollIntervalMs", Num(2000)));
        Assert.Equal(ConfigApplyStatus.Applied, applier.Apply(desired, running, 0).Status);

        Assert.Equal(desired, File.ReadAllBytes(Path.Combine(dir, "gateway.json")));
        Assert.Equal(old, File.ReadAllBytes(Path.Combine(dir, "gateway.previous.json")));
    }
}
