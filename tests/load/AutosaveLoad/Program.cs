using AutosaveLoad;

// prepare DATA_DIR QUESTIONNAIRE CLIENTS  -> writes DATA_DIR/load-plan.txt
// run URL DATA_DIR SECONDS [APP_PID]      -> drives the autosave endpoint, prints figures, exits 1 on any error;
//                                            with the app's process id, also its CPU time per save
return args switch
{
    ["prepare", var data, var questionnaire, var clients] => await LoadPlan.PrepareAsync(data, questionnaire, int.Parse(clients)),
    ["run", var url, var data, var seconds] => await LoadRun.RunAsync(new Uri(url), data, TimeSpan.FromSeconds(int.Parse(seconds)), null),
    ["run", var url, var data, var seconds, var pid] =>
        await LoadRun.RunAsync(new Uri(url), data, TimeSpan.FromSeconds(int.Parse(seconds)), int.Parse(pid)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: AutosaveLoad prepare DATA_DIR QUESTIONNAIRE.yaml CLIENTS | run URL DATA_DIR SECONDS [APP_PID]");
    return 2;
}
