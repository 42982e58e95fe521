using UploadLoad;

// prepare DATA_DIR QUESTIONNAIRE   -> a reviewer and a review, written to DATA_DIR/upload-plan.txt
// run URL DATA_DIR APP_PID ROUNDS  -> uploads each hostile workbook ROUNDS times into the review, reports the time to
//                                     refuse and the app's PSS growth; exits 1 unless every upload is refused with its
//                                     message and nothing is stored
return args switch
{
    ["prepare", var data, var questionnaire] => await UploadPlan.PrepareAsync(data, questionnaire),
    ["run", var url, var data, var pid, var rounds] => await UploadRun.RunAsync(new Uri(url), data, int.Parse(pid), int.Parse(rounds)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: UploadLoad prepare DATA_DIR QUESTIONNAIRE.yaml | run URL DATA_DIR APP_PID ROUNDS");
    return 2;
}
