namespace EdgeGateway.Cli
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            System.Console.Error.WriteLine("egw: no command yet");
            return args.Length == 0 ? 2 : 2;
        }
    }
}
