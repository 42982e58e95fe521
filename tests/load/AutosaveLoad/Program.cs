using AutosaveLoad;

// prepare DATA_DIR QUESTIONNAIRE CLIENTS  -> writes DATA_DIR/load-plan.txt
// run URLS DATA_DIR SECONDS [APP_PIDS]    -> drives the autosave endpoint, prints figures, exits 1 on any error;
//                                            URLS and APP_PIDS are comma-separated (one per node); clients are spread
//                                            over the nodes in turn; with the apps' process ids, also CPU time per save
return args switch
{
    ["prepare", var data, var questionnaire, var clients] => await LoadPlan.PrepareAsync(data, questionnaire, int.Parse(clients)),
    ["run", var urls, var data, var seconds] => await LoadRun.RunAsync(Uris(urls), data, TimeSpan.FromSeconds(int.Parse(seconds)), []),
    ["run", var urls, var data, var seconds, var pids] =>
        await LoadRun.RunAsync(Uris(urls), data, TimeSpan.FromSeconds(int.Parse(seconds)), [.. pids.Split(',').Select(int.Parse)]),
    _ => Usage(),
};

static Uri[] Uris(string urls) => [.. urls.Split(',').Select(u => new Uri(u))];

static int Usage()
{
    Console.Error.WriteLine("usage: AutosaveLoad prepare DATA_DIR QUESTIONNAIRE.yaml CLIENTS | run URLS DATA_DIR SECONDS [APP_PIDS]");
    return 2;
}
