using ExportLoad;

// prepare DATA_DIR        -> a migrated database with one reviewer (the app seeds the sample vendors at start-up)
// run URL DATA_DIR COUNT  -> queues COUNT exports of one review at once, waits for all, prints figures; exit 1 on any failure
return args switch
{
    ["prepare", var data] => await ExportPlan.PrepareAsync(data),
    ["run", var url, var data, var count] => await ExportRun.RunAsync(new Uri(url), data, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ExportLoad prepare DATA_DIR | run URL DATA_DIR COUNT");
    return 2;
}
