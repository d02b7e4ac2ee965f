package org.streamframer.app.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.streamframer.framing.FrameRule;
import org.streamframer.framing.rules.DelimiterRule;
import org.streamframer.framing.rules.FixedLengthRule;
import org.streamframer.framing.rules.LengthFieldRule;

class FramingViewModelTest {

    private final List<RuleSpec> appliedSpecs = new ArrayList<>();
    private final List<FrameRule> appliedRules = new ArrayList<>();
    private final FramingViewModel vm = new FramingViewModel(RuleFactory::build, (s, r) -> {
        appliedSpecs.add(s);
        appliedRules.add(r);
    });

    @Test
    void badMaxLengthIsMarkedWithTheReasonAndCannotBeApplied() {
        vm.maxLengthProperty().set("12x");
        assertEquals("must be a whole number from 1 to 16777216 (got '12x')", vm.errors().get(RuleField.MAX_LENGTH));
        assertFalse(vm.validProperty().get());
        assertFalse(vm.apply());
        assertTrue(appliedSpecs.isEmpty());

        vm.maxLengthProperty().set("0");
        assertEquals("must be from 1 to 16777216 (got 0)", vm.errors().get(RuleField.MAX_LENGTH));
        vm.maxLengthProperty().set("");
        assertTrue(vm.errors().get(RuleField.MAX_LENGTH).startsWith("is required"));

        vm.maxLengthProperty().set("4096");
        assertTrue(vm.errors().isEmpty());
        assertTrue(vm.dirtyProperty().get());
        assertTrue(vm.apply());
        assertEquals(4096, appliedSpecs.get(0).maxLength());
        assertEquals(4096, appliedRules.get(0).maxFrameLength());
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void choosingAPresetAppliesItAtOnce() {
        vm.choose(RuleKind.CRLF);
        assertEquals(RuleKind.CRLF, appliedSpecs.get(appliedSpecs.size() - 1).kind());
        assertInstanceOf(DelimiterRule.class, appliedRules.get(appliedRules.size() - 1));
    }

    @Test
    void choosingAPresetWithABadParameterDoesNotApply() {
        vm.fixedLengthProperty().set("-3");
        int before = appliedSpecs.size();
        vm.choose(RuleKind.FIXED);
        assertEquals(before, appliedSpecs.size());
        assertEquals("must be from 1 to 16777216 (got -3)", vm.errors().get(RuleField.FIXED_LENGTH));
        vm.fixedLengthProperty().set("10");
        assertTrue(vm.apply());
        assertEquals(10, ((FixedLengthRule) appliedRules.get(appliedRules.size() - 1)).length());
    }

    @Test
    void onlyTheFieldsOfTheChosenRuleAreChecked() {
        vm.fixedLengthProperty().set("nonsense");
        assertTrue(vm.errors().isEmpty(), "LF takes no fixed length");
        vm.choose(RuleKind.FIXED);
        assertTrue(vm.errors().containsKey(RuleField.FIXED_LENGTH));
        vm.choose(RuleKind.LF);
        assertTrue(vm.errors().isEmpty());
    }

    @Test
    void customDelimiterAcceptsEscapesOrHexAndExplainsMistakes() {
        vm.choose(RuleKind.CUSTOM);
        vm.delimiterProperty().set("\\r\\q");
        assertTrue(vm.errors().get(RuleField.DELIMITER).contains("unknown escape \\q"));
        vm.delimiterProperty().set("");
        assertEquals("must not be empty", vm.errors().get(RuleField.DELIMITER));
        vm.delimiterProperty().set("0D 0");
        vm.delimiterHexProperty().set(true);
        assertTrue(vm.errors().get(RuleField.DELIMITER).contains("odd number"));
        vm.delimiterProperty().set("0D 0A");
        assertTrue(vm.errors().isEmpty());
        assertTrue(vm.apply());
        RuleSpec spec = appliedSpecs.get(appliedSpecs.size() - 1);
        assertTrue(spec.delimiterHex());
        assertEquals("0D 0A", spec.delimiter());
    }

    @Test
    void lengthFieldSizeMustBeOneTwoThreeFourOrEight() {
        vm.choose(RuleKind.LENGTH_FIELD);
        vm.fieldSizeProperty().set("5");
        assertEquals("must be 1, 2, 3, 4 or 8 bytes (got 5)", vm.errors().get(RuleField.FIELD_SIZE));
        vm.fieldSizeProperty().set("4");
        vm.littleEndianProperty().set(true);
        vm.stripProperty().set("4");
        assertTrue(vm.apply());
        assertInstanceOf(LengthFieldRule.class, appliedRules.get(appliedRules.size() - 1));
        assertEquals("Length field (4 bytes at 0, little-endian)", appliedSpecs.get(appliedSpecs.size() - 1).describe());
    }

    @Test
    void aCombinationTheLibraryRefusesIsReportedNotApplied() {
        vm.choose(RuleKind.LENGTH_FIELD);
        vm.fieldOffsetProperty().set("100");
        vm.maxLengthProperty().set("50"); // shorter than the header: the rule's constructor says no
        assertTrue(vm.errors().isEmpty());
        assertTrue(vm.ruleErrorProperty().get() != null && vm.ruleErrorProperty().get().contains("header"),
                String.valueOf(vm.ruleErrorProperty().get()));
        assertNull(vm.editedProperty().get());
        assertFalse(vm.apply());
    }

    @Test
    void showMarksALoadedSpecAsAppliedWithoutApplyingAgain() {
        RuleSpec spec = RuleSpec.defaults(RuleKind.EOT);
        vm.show(spec);
        assertEquals(spec, vm.appliedProperty().get());
        assertEquals(RuleKind.EOT, vm.kindProperty().get());
        assertFalse(vm.dirtyProperty().get());
        assertTrue(appliedSpecs.isEmpty());
    }
}
