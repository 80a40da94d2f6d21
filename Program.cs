var t = Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForModel("gpt-4o");
Console.WriteLine(string.Join(",", t.EncodeToIds("ಕನ್ನಡ<|endoftext|>")));
Console.WriteLine(typeof(Microsoft.ML.Tokenizers.Tokenizer).Assembly.Location);
