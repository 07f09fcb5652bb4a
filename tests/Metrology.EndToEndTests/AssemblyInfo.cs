[assembly: AssemblyFixture(typeof(Metrology.EndToEndTests.MetrologyApp))]
