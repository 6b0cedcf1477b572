global using System.Text;
global using FluentAssertions;
global using Workshop.Testing.Goals;
global using Xunit;
