using ExportLoad;

// prepare DATA_DIR        -> a migrated database with one reviewer (the app seeds the sample vendors at start-up)
// run URLS DATA_DIR COUNT WARMUP -> warms each node (comma-separated URLS) up with WARMUP exports, then queues COUNT
//                                   exports of one review at once across the nodes, waits for all, prints figures;
//                                   exit 1 on any failure
return args switch
{
    ["prepare", var data] => await ExportPlan.PrepareAsync(data),
    ["run", var urls, var data, var count, var warmup] => await ExportRun.RunAsync(
        [.. urls.Split(',').Select(url => new Uri(url))], data, Number(count), Number(warmup)),
    _ => Usage(),
};

static int Number(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: ExportLoad prepare DATA_DIR | run URL[,URL…] DATA_DIR COUNT WARMUP");
    return 2;
}
