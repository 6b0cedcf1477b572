global using FluentAssertions;
global using HttpBasics.Http;
global using Workshop.Testing.Goals;
global using Xunit;
