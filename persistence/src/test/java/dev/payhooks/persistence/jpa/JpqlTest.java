package dev.payhooks.persistence.jpa;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JpqlTest {

    @Test
    void anInListNamesOneParameterPerValue() {
        assertEquals("r.reference in (:ref0)", Jpql.in("r.reference", "ref", 1));
        assertEquals("n.applyLane in (:lane0, :lane1, :lane2)", Jpql.in("n.applyLane", "lane", 3));
    }
}
